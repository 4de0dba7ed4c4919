import { allow } from '../core/policy';
import { fieldLabels } from '../core/field-labels';
import type { Project } from '../projects/models';

/** 项目负责人在微信端下发/删除维保计划: only the lead of that very project. */
allow<Project>(
  ['project_lead'],
  'manageMaintenancePlans',
  'project',
  (actor, p) => p.projectLeadAccountId === actor.id,
);
allow(['operator'], 'list', 'maintenance_assignment');

fieldLabels.systems ??= '消防系统';
fieldLabels.facilityIds ??= '消防设施';
fieldLabels.operatorAccountIds ??= '操作员';
