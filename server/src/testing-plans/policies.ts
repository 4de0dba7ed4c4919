import { allow } from '../core/policy';
import { fieldLabels } from '../core/field-labels';
import type { Project } from '../projects/models';

/** 项目负责人在微信端下发检测计划: only the lead of that very project assigns its operators. */
allow<Project>(
  ['project_lead'],
  'assignTestingOperators',
  'project',
  (actor, p) => p.projectLeadAccountId === actor.id,
);
allow(['operator'], 'list', 'testing_assignment');

fieldLabels.buildings ??= '建筑物';
fieldLabels.assignments ??= '人员分配';
fieldLabels.planSingleItemId ??= '检测单项';
fieldLabels.operatorAccountIds ??= '操作员';
