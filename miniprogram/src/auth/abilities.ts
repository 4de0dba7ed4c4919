import type { AccountKind, SessionUser } from '@xf/domain/api/accounts';

/**
 * What the signed-in account may do where there is no row yet, as the server sent it with the session user
 * (`resource.action`, from the features' policies). Pages show sections and buttons by these, never by
 * account kind. A session stored before abilities were sent has none until the next /auth/me.
 */
export const can = (user: SessionUser | null | undefined, ability: string): boolean =>
  !!user?.abilities?.[ability];

/** Field work on site (测试任务, 工作日志): the operator's app. */
export const FIELD_WORK = 'testing_task.create';

/** The lead's project list is named by whose projects it holds (the server scopes it): a label, not a rule. */
export const PROJECT_LIST_TITLES: Partial<Record<AccountKind, string>> = {
  project_lead: '我的项目',
  technical_lead: '本机构项目',
};
