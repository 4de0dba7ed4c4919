import { Model, type Sequelize } from 'sequelize';
import type { MaintenanceAssignmentState, MaintenancePlanKind, MaintenancePlanStatus } from '@xf/domain';
import { int, pk, str } from '../db/columns';
import { parsedJson } from '../projects/json-column';

/** A 月/季/年计划 of a maintenance project; content is generated from `editionId` + `facilityIds`. */
export class MaintenancePlanRecord extends Model {
  declare id: number;
  declare projectId: number;
  declare kind: MaintenancePlanKind;
  declare month: string;
  declare editionId: string;
  declare facilityIds: string[];
  declare status: MaintenancePlanStatus;
  declare createdBy: number;
  declare createdAt: Date;
}

/** One facility of a plan distributed (派发) to one operator. */
export class MaintenancePlanAssignment extends Model {
  declare id: number;
  declare planId: number;
  declare projectId: number;
  declare facilityId: string;
  declare operatorAccountId: number;
  declare state: MaintenanceAssignmentState;
  declare assignedBy: number;
  declare createdAt: Date;
}

export function initMaintenancePlanModels(sequelize: Sequelize) {
  MaintenancePlanRecord.init(
    {
      id: pk,
      projectId: int(false),
      kind: str(10, false),
      month: str(7, false),
      editionId: str(100, false),
      facilityIds: parsedJson('facilityIds', false),
      status: str(20, false),
      createdBy: int(false),
    },
    { sequelize, tableName: 'maintenance_plans' },
  );
  MaintenancePlanAssignment.init(
    {
      id: pk,
      planId: int(false),
      projectId: int(false),
      facilityId: str(60, false),
      operatorAccountId: int(false),
      state: str(20, false),
      assignedBy: int(false),
    },
    { sequelize, tableName: 'maintenance_plan_assignments' },
  );
}
