import { DataTypes, type QueryInterface } from 'sequelize';
import { id, timestamps, fk } from './columns';

/**
 * 检测计划下发: the plan content is generated from the pinned edition on every read, so only the
 * dispatch state (下发/修改计划) and who is assigned to which single item are stored.
 */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable('testing_plan_dispatches', {
    id,
    projectId: fk('projects', false),
    dispatchedAt: { type: DataTypes.DATE, allowNull: false },
    dispatchedBy: fk('accounts', false),
    revisedAt: { type: DataTypes.DATE, allowNull: true },
    revisionCount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    ...timestamps,
  });
  await qi.addIndex('testing_plan_dispatches', ['projectId'], { unique: true });

  await qi.createTable('testing_plan_assignments', {
    id,
    projectId: fk('projects', false),
    planSingleItemId: { type: DataTypes.STRING(150), allowNull: false },
    operatorAccountId: fk('accounts', false),
    ...timestamps,
  });
  await qi.addIndex('testing_plan_assignments', ['projectId', 'planSingleItemId', 'operatorAccountId'], {
    unique: true,
    name: 'testing_plan_assignments_unique',
  });
  await qi.addIndex('testing_plan_assignments', ['operatorAccountId']);
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('testing_plan_assignments');
  await qi.dropTable('testing_plan_dispatches');
}
