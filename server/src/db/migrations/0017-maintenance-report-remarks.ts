import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * 生成维保报告 (manual §03: 需要备注说明的，可以填写在备注说明里): the institution's remarks printed in the monthly
 * maintenance report under 消防技术服务机构备注说明. A generated maintenance report is a `reports` row of kind
 * maintenance with its month in planMonth.
 */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.addColumn('reports', 'remarks', { type: DataTypes.TEXT, allowNull: true });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeColumn('reports', 'remarks');
}
