import { DataTypes, type QueryInterface } from 'sequelize';

/** 经营场所面积 from the ministry registry (7号令 第五、六条 conditions on premises). */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.addColumn('institutions', 'premisesArea', { type: DataTypes.DOUBLE, allowNull: true });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeColumn('institutions', 'premisesArea');
}
