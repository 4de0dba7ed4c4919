import { Model, type Sequelize } from 'sequelize';
import { date, int, json, pk, str } from '../db/columns';

/** Append-only: rows are inserted, never updated or deleted (hooks below refuse it). */
export class OperationLog extends Model {
  declare id: number;
  declare at: Date;
  declare actorId: number | null;
  declare actorName: string;
  declare action: string;
  declare entityType: string;
  declare entityId: string | null;
  declare institutionId: number | null;
  declare before: object | null;
  declare after: object | null;
  declare requestId: string | null;
}

export function initOperationLogModel(sequelize: Sequelize) {
  OperationLog.init(
    {
      id: pk,
      at: date(false),
      actorId: int(),
      actorName: str(100, false),
      action: str(60, false),
      entityType: str(40, false),
      entityId: str(40),
      institutionId: int(),
      before: json(),
      after: json(),
      requestId: str(40),
    },
    {
      sequelize,
      tableName: 'operation_logs',
      timestamps: false,
      hooks: {
        beforeUpdate: () => {
          throw new Error('操作日志不可修改');
        },
        beforeDestroy: () => {
          throw new Error('操作日志不可删除');
        },
        beforeBulkUpdate: () => {
          throw new Error('操作日志不可修改');
        },
        beforeBulkDestroy: () => {
          throw new Error('操作日志不可删除');
        },
      },
    },
  );
}
