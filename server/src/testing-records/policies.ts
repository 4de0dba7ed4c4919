import { allow, ALL, can, listScope, NONE, scope, where } from '../core/policy';
import type { Actor } from '../core/actor';
import { Op } from 'sequelize';
import type { Project } from '../projects/models';
import '../projects/policies';
import { projectIdsWhere } from '../projects/subquery';
import type { TestingRecord } from './models';

/** A record with its project: the rules are about whose record it is and who leads the project. */
export interface TestingRecordSubject {
  record: TestingRecord;
  project: Project;
}

const leads = (actor: Actor, p: Project) => p.projectLeadAccountId === actor.id;

/**
 * 查询历史记录 / APP删除已提交记录: the operator lists and deletes their own records (the machine and the review
 * state decide when). 审核 / 退回: only the lead of that very project.
 */
allow<TestingRecordSubject>(
  ['operator'],
  'delete',
  'testing_record',
  (actor, s) => s.record.operatorAccountId === actor.id,
);
allow<TestingRecordSubject>(['project_lead'], ['approve', 'return'], 'testing_record', (actor, s) =>
  leads(actor, s.project),
);
/** Approving many: each record is checked against `approve` in the service. */
allow(['project_lead'], 'approveMany', 'testing_record');
allow(
  ['operator', 'project_lead', 'institution_admin', 'technical_lead', 'brigade', 'detachment'],
  'list',
  'testing_record',
);

/** Operators see their own records; everyone else the records of the projects they see. */
scope('testing_record', async (actor) => {
  if (actor.kind === 'operator') return where({ operatorAccountId: actor.id });
  const projects = await listScope(actor, 'project');
  if (projects.scope !== 'where') return projects === ALL ? ALL : NONE;
  // The project scope is equality on one column (institution, detachment or lead): a subquery, not the ids.
  return where({
    projectId: { [Op.in]: projectIdsWhere(projects.where as Record<string, string | number>) },
  });
});

/**
 * 审核检测记录 of a project (待审核): the lead of the project acts; whoever reads the project (institution admin,
 * technical lead, brigade, its detachment) reads the review and its progress (查看检测服务计划).
 */
allow<Project>('*', 'read', 'testing_review', (actor, p) => can(actor, 'read', 'project', p));
allow<Project>(
  ['project_lead'],
  ['open', 'close', 'approve', 'reopen', 'reviewNode'],
  'testing_review',
  leads,
);
