import { DataTypes, type QueryInterface } from 'sequelize';
import { id, timestamps } from './columns';

export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable('standard_editions', {
    id,
    editionId: { type: DataTypes.STRING(100), allowNull: false, unique: true },
    title: { type: DataTypes.STRING(200), allowNull: false },
    effectiveDate: { type: DataTypes.STRING(10), allowNull: false },
    content: { type: DataTypes.JSON, allowNull: false },
    source: { type: DataTypes.STRING(10), allowNull: false },
    previousEditionId: { type: DataTypes.STRING(100), allowNull: true },
    diff: { type: DataTypes.JSON, allowNull: true },
    publishedBy: { type: DataTypes.INTEGER, allowNull: true },
    ...timestamps,
  });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('standard_editions');
}
