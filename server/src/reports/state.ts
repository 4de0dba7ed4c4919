import { reportTransitions, type ReportAction, type ReportStatus } from '@xf/domain';
import { conflict } from '../core/errors';

/** Where an action takes a report, or a refusal when the state machine does not allow it. */
export function nextReportStatus(current: ReportStatus, action: ReportAction): ReportStatus | null {
  const transitions = reportTransitions[current];
  if (!(action in transitions)) {
    if (current === 'filed') throw conflict('备案后的报告不能被删除和修改', 'status');
    throw conflict(`状态（status）：报告当前状态不允许此操作`, 'status');
  }
  return transitions[action] ?? null;
}
