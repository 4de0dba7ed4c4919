import { DataTypes, Model, type Sequelize } from 'sequelize';
import type { MaintenanceConformity, NotCheckableReason } from '@xf/domain';
import { bool, date, int, pk, str } from '../db/columns';
import { parsedJson } from '../projects/json-column';

/** 维保记录: one result of one content line of one facility (and its position), created by a task's submission. */
export class MaintenanceRecord extends Model {
  declare id: number;
  declare projectId: number;
  declare maintenanceTaskId: number;
  declare planId: number;
  declare operatorAccountId: number;
  declare idempotencyKey: string;
  declare submissionKey: string;
  declare facilityId: string;
  declare facilityIndex: number;
  declare facilityLocation: string;
  declare lineId: string;
  declare checkable: boolean;
  declare answers: Record<string, string>;
  declare conformity: MaintenanceConformity;
  declare notCheckableReason: NotCheckableReason | null;
  declare mismatchItemName: string | null;
  declare mismatchLocation: string | null;
  declare mismatchProcess: string | null;
  declare mismatchResult: string | null;
  declare explanation: string | null;
  declare note: string;
  declare faultId: number | null;
  declare recordedAt: Date;
  declare submittedAt: Date;
  declare createdAt: Date;
}

export type MaintenanceRecordFileRole = 'photo' | 'video' | 'signature';

/** A file of a record: a "+" photo or video, or the client's signature photo (不具备测试条件). */
export class MaintenanceRecordFile extends Model {
  declare id: number;
  declare maintenanceRecordId: number;
  declare maintenanceTaskId: number;
  declare fileId: number;
  declare role: MaintenanceRecordFileRole;
  declare position: number;
}

export function initMaintenanceRecordModels(sequelize: Sequelize) {
  MaintenanceRecord.init(
    {
      id: pk,
      projectId: int(false),
      maintenanceTaskId: int(false),
      planId: int(false),
      operatorAccountId: int(false),
      idempotencyKey: str(80, false),
      submissionKey: str(80, false),
      facilityId: str(60, false),
      facilityIndex: int(false),
      facilityLocation: str(100, false),
      lineId: str(80, false),
      checkable: bool(false),
      answers: parsedJson('answers', false),
      conformity: str(20, false),
      notCheckableReason: str(30),
      mismatchItemName: str(100),
      mismatchLocation: str(100),
      mismatchProcess: { type: DataTypes.TEXT, allowNull: true },
      mismatchResult: { type: DataTypes.TEXT, allowNull: true },
      explanation: str(500),
      note: str(500, false),
      faultId: int(),
      recordedAt: date(false),
      submittedAt: date(false),
    },
    { sequelize, tableName: 'maintenance_records' },
  );
  MaintenanceRecordFile.init(
    {
      id: pk,
      maintenanceRecordId: int(false),
      maintenanceTaskId: int(false),
      fileId: int(false),
      role: str(20, false),
      position: int(false),
    },
    { sequelize, tableName: 'maintenance_record_files' },
  );
}
