import { allow, can } from '../core/policy';
import type { Project } from '../projects/models';
import '../projects/policies';
import { TestingPlanAssignment } from './models';

/**
 * A project's testing plan: whoever reads the project reads its plan; only the lead of that very project
 * assigns its operators (下发/修改计划, in the mini-program); operators receive what was assigned to them.
 */
allow<Project>('*', 'read', 'testing_plan', (actor, p) => can(actor, 'read', 'project', p));
allow<Project>(
  ['project_lead'],
  'assignOperators',
  'testing_plan',
  (actor, p) => p.projectLeadAccountId === actor.id,
);
allow(['operator'], 'list', 'testing_assignment');
// 建立复检计划 is the institution admin's, next to 生成检测报告 (manual §02 机构管理员在电脑端生成检测报告 5).
allow<Project>(
  ['institution_admin'],
  'createRetest',
  'testing_plan',
  (actor, p) => actor.institutionId != null && p.institutionId === actor.institutionId,
);
// An operator reads the plan of a project that assigned them a single item: the app keeps the content of the
// items (method, requirement, limits) on the phone for recording with no network.
allow<Project>(
  ['operator'],
  'read',
  'testing_plan',
  async (actor, p) =>
    !!(await TestingPlanAssignment.findOne({ where: { projectId: p.id, operatorAccountId: actor.id } })),
);
