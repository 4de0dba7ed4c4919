import { DataTypes, type QueryInterface } from 'sequelize';
import { id, timestamps, fk, str, double, bool } from './columns';

/**
 * 检测记录 and their review (manual §02 记录测试结果 … 退回已审核通过的记录): one row per test item per position,
 * created only by a task's submission (all or nothing); the lead's review of sub-items, single items and the
 * 综合评定 in testing_reviews; the project's review state (未开启审核/审核中/审核通过) on the project.
 */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable('testing_records', {
    id,
    projectId: fk('projects', false),
    testingTaskId: fk('testing_tasks', false),
    operatorAccountId: fk('accounts', false),
    /** The phone's key for this record; unique per operator. */
    idempotencyKey: str(80, false),
    /** The submission that brought it (its idempotency key). */
    submissionKey: str(80, false),
    planItemId: str(150, false),
    planSubItemId: str(150, false),
    planSingleItemId: str(150, false),
    itemId: str(40, false),
    itemClass: str(1, false),
    position: str(50, false),
    result: str(20, false),
    measuredValue: double(),
    computedResult: str(20, false),
    mismatch: bool,
    reviewedResult: str(20),
    reviewReason: str(500),
    photoFileIds: { type: DataTypes.JSON, allowNull: false },
    note: str(500, false),
    status: str(20, false),
    recordedAt: { type: DataTypes.DATE, allowNull: false },
    submittedAt: { type: DataTypes.DATE, allowNull: false },
    reviewedBy: fk('accounts'),
    reviewedAt: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('testing_records', ['operatorAccountId', 'idempotencyKey'], {
    unique: true,
    name: 'testing_records_key',
  });
  await qi.addIndex('testing_records', ['projectId', 'planItemId']);
  await qi.addIndex('testing_records', ['testingTaskId']);

  await qi.createTable('testing_reviews', {
    id,
    projectId: fk('projects', false),
    level: str(20, false),
    nodeId: str(150, false),
    computedVerdict: str(20, false),
    verdict: str(20, false),
    reason: str(500),
    flagged: bool,
    reviewedBy: fk('accounts', false),
    reviewedAt: { type: DataTypes.DATE, allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('testing_reviews', ['projectId', 'level', 'nodeId'], {
    unique: true,
    name: 'testing_reviews_node',
  });

  await qi.addColumn('projects', 'testingReviewStatus', {
    type: DataTypes.STRING(20),
    allowNull: false,
    defaultValue: 'closed',
  });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeColumn('projects', 'testingReviewStatus');
  await qi.dropTable('testing_reviews');
  await qi.dropTable('testing_records');
}
