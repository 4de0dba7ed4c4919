import { Model, type Sequelize } from 'sequelize';
import type { TestingTaskStatus } from '@xf/domain';
import { date, int, pk, str } from '../db/columns';
import { parsedJson } from '../projects/json-column';

/** 测试任务: plan single items an operator takes to record in one go. */
export class TestingTask extends Model {
  declare id: number;
  declare projectId: number;
  declare operatorAccountId: number;
  /** The key the phone generated; idempotency_records decides replays, the row keeps it for the views. */
  declare idempotencyKey: string;
  declare planSingleItemIds: string[];
  declare status: TestingTaskStatus;
  declare startedAt: Date | null;
  declare createdAt: Date;
}

export function initTestingTaskModel(sequelize: Sequelize) {
  TestingTask.init(
    {
      id: pk,
      projectId: int(false),
      operatorAccountId: int(false),
      idempotencyKey: str(80, false),
      planSingleItemIds: parsedJson('planSingleItemIds', false),
      status: str(20, false),
      startedAt: date(),
    },
    { sequelize, tableName: 'testing_tasks' },
  );
}
