import { Model, type Sequelize } from 'sequelize';
import { DataTypes } from 'sequelize';
import { date, int, json, pk, str } from '../db/columns';

export class WorkLog extends Model {
  declare id: number;
  declare accountId: number;
  declare institutionId: number;
  declare idempotencyKey: string;
  declare date: string;
  declare content: string;
  declare photoFileIds: number[];
  declare createdAtClient: Date | null;
  declare createdAt: Date;
  declare updatedAt: Date;
}

export function initWorkLogModel(sequelize: Sequelize) {
  WorkLog.init(
    {
      id: pk,
      accountId: int(false),
      institutionId: int(false),
      idempotencyKey: str(80, false),
      date: str(10, false),
      content: { type: DataTypes.TEXT, allowNull: false },
      photoFileIds: json(false),
      createdAtClient: date(),
    },
    { sequelize, tableName: 'work_logs' },
  );
}
