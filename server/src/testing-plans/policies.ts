import { allow, can } from '../core/policy';
import { fieldLabels } from '../core/field-labels';
import type { Project } from '../projects/models';
import '../projects/policies';

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

fieldLabels.buildings ??= '建筑物';
fieldLabels.assignments ??= '人员分配';
fieldLabels.planSingleItemId ??= '检测单项';
fieldLabels.operatorAccountIds ??= '操作员';
