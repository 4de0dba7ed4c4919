import { DataTypes } from 'sequelize';

/**
 * Column definitions every migration writes its tables with. Migrations are history: a change here changes
 * what old migrations create on a fresh database, so these stay exactly as the tables were first made.
 */
export const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true };
export const timestamps = {
  createdAt: { type: DataTypes.DATE, allowNull: false },
  updatedAt: { type: DataTypes.DATE, allowNull: false },
};
export const fk = (table: string, allowNull = true) => ({
  type: DataTypes.INTEGER,
  allowNull,
  references: { model: table, key: 'id' },
});
export const str = (n: number, allowNull = true) => ({ type: DataTypes.STRING(n), allowNull });
export const json = (allowNull = true) => ({ type: DataTypes.JSON, allowNull });
export const double = (allowNull = true) => ({ type: DataTypes.DOUBLE, allowNull });
export const bool = { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false };
