import { DataTypes, type QueryInterface } from 'sequelize';
import { id, timestamps, fk } from './columns';

/**
 * 维保计划: a plan keeps its kind, month, pinned edition and the facilities selected when it was
 * created, so its content (generated from the standard) does not move; assignments are per facility.
 */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable('maintenance_plans', {
    id,
    projectId: fk('projects', false),
    kind: { type: DataTypes.STRING(10), allowNull: false },
    month: { type: DataTypes.STRING(7), allowNull: false },
    editionId: { type: DataTypes.STRING(100), allowNull: false },
    facilityIds: { type: DataTypes.JSON, allowNull: false },
    status: { type: DataTypes.STRING(20), allowNull: false },
    createdBy: fk('accounts', false),
    ...timestamps,
  });
  await qi.addIndex('maintenance_plans', ['projectId', 'kind', 'month'], {
    unique: true,
    name: 'maintenance_plans_project_kind_month',
  });

  await qi.createTable('maintenance_plan_assignments', {
    id,
    planId: fk('maintenance_plans', false),
    projectId: fk('projects', false),
    facilityId: { type: DataTypes.STRING(60), allowNull: false },
    operatorAccountId: fk('accounts', false),
    state: { type: DataTypes.STRING(20), allowNull: false },
    assignedBy: fk('accounts', false),
    ...timestamps,
  });
  await qi.addIndex('maintenance_plan_assignments', ['planId', 'facilityId', 'operatorAccountId'], {
    unique: true,
    name: 'maintenance_plan_assignments_unique',
  });
  await qi.addIndex('maintenance_plan_assignments', ['operatorAccountId']);
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('maintenance_plan_assignments');
  await qi.dropTable('maintenance_plans');
}
