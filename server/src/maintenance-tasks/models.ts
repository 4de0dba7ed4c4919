import { Model, type Sequelize } from 'sequelize';
import type { MaintenanceTaskStatus } from '@xf/domain';
import { date, int, pk, str } from '../db/columns';
import { parsedJson } from '../projects/json-column';

/** 维保任务: facilities of one dispatched plan an operator records in one go. */
export class MaintenanceTask extends Model {
  declare id: number;
  declare projectId: number;
  declare planId: number;
  declare operatorAccountId: number;
  declare idempotencyKey: string;
  declare facilityIds: string[];
  declare assignmentIds: number[];
  declare status: MaintenanceTaskStatus;
  declare startedAt: Date | null;
  declare submissionKey: string | null;
  declare firstSubmittedAt: Date | null;
  declare submittedAt: Date | null;
  declare reviewedBy: number | null;
  declare reviewedAt: Date | null;
  declare reviewReason: string | null;
  declare createdAt: Date;
}

export function initMaintenanceTaskModel(sequelize: Sequelize) {
  MaintenanceTask.init(
    {
      id: pk,
      projectId: int(false),
      planId: int(false),
      operatorAccountId: int(false),
      idempotencyKey: str(80, false),
      facilityIds: parsedJson('facilityIds', false),
      assignmentIds: parsedJson('assignmentIds', false),
      status: str(20, false),
      startedAt: date(),
      submissionKey: str(80),
      firstSubmittedAt: date(),
      submittedAt: date(),
      reviewedBy: int(),
      reviewedAt: date(),
      reviewReason: str(500),
    },
    { sequelize, tableName: 'maintenance_tasks' },
  );
}
