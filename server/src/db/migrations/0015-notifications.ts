import { DataTypes, type QueryInterface } from 'sequelize';
import { id, timestamps, fk, str } from './columns';

/**
 * 通知: what reaches an account that has no WeChat (the operator's app polls it), e.g. the lead's decision on a
 * start or submit request (manual §02 项目负责人在微信端比对位置和人脸).
 */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable('notifications', {
    id,
    accountId: fk('accounts', false),
    kind: str(40, false),
    title: str(100, false),
    body: str(500, false),
    subjectType: str(40, false),
    subjectId: { type: DataTypes.INTEGER, allowNull: false },
    readAt: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('notifications', ['accountId', 'readAt']);
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('notifications');
}
