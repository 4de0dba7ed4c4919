import {
  siteRequestStatusLabels,
  siteRequestTransitions,
  testingTaskTransitions,
  type SiteRequestAction,
  type SiteRequestStatus,
  type TestingTaskAction,
  type TestingTaskStatus,
} from '@xf/domain';
import { conflict } from '../core/errors';

/** The next status from the domain's transition table, or a 409 naming the current status. */
export function nextSiteRequestStatus(status: SiteRequestStatus, action: SiteRequestAction) {
  const next = siteRequestTransitions[status][action];
  if (!next)
    throw conflict(`状态（status）：该现场申请${siteRequestStatusLabels[status]}，不能重复处理`, 'status');
  return next;
}

export function nextTestingTaskStatus(status: TestingTaskStatus, action: TestingTaskAction) {
  const next = testingTaskTransitions[status][action];
  if (!next) throw conflict('状态（status）：该测试任务已开始', 'status');
  return next;
}
