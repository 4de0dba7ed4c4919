import type { AccountKind } from '../api/accounts';

/**
 * 7号令 and the manual: a project lead must be a registered fire engineer, and the technical lead may
 * never lead a project (they only review). Every place that chooses a project lead uses this.
 */
export function projectLeadRefusal(candidate: { kind: AccountKind; disabled?: boolean }): string | null {
  if (candidate.kind === 'technical_lead') return '技术负责人不能担任项目负责人';
  if (candidate.kind !== 'project_lead') return '项目负责人必须由注册消防工程师担任';
  if (candidate.disabled) return '该账号已停用，不能担任项目负责人';
  return null;
}
