import { Model, type Sequelize } from 'sequelize';
import type { SpecialApplicationKind, SpecialApplicationStatus } from '@xf/domain';
import { date, int, pk, str } from '../db/columns';
import { parsedJson } from '../projects/json-column';

/** 特殊申请: an institution asks the brigade to upload its own reports for one project. */
export class SpecialApplication extends Model {
  declare id: number;
  declare projectId: number;
  declare institutionId: number;
  declare kind: SpecialApplicationKind;
  declare reason: string;
  declare fileIds: number[];
  declare status: SpecialApplicationStatus;
  declare pendingProjectId: number | null;
  declare appliedBy: number;
  declare appliedByName: string;
  declare decidedBy: number | null;
  declare decidedByName: string | null;
  declare decidedAt: Date | null;
  declare rejectReason: string | null;
  declare createdAt: Date;
}

export function initSpecialApplicationModel(sequelize: Sequelize) {
  SpecialApplication.init(
    {
      id: pk,
      projectId: int(false),
      institutionId: int(false),
      kind: str(40, false),
      reason: str(500, false),
      fileIds: parsedJson('fileIds', false),
      status: str(20, false),
      pendingProjectId: int(),
      appliedBy: int(false),
      appliedByName: str(100, false),
      decidedBy: int(),
      decidedByName: str(100),
      decidedAt: date(),
      rejectReason: str(500),
    },
    { sequelize, tableName: 'special_applications' },
  );
}
