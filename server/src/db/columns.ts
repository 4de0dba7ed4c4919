import { DataTypes } from 'sequelize';

export const pk = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true };
export const str = (n: number, allowNull = true) => ({ type: DataTypes.STRING(n), allowNull });
export const int = (allowNull = true) => ({ type: DataTypes.INTEGER, allowNull });
export const bool = (defaultValue: boolean) => ({ type: DataTypes.BOOLEAN, allowNull: false, defaultValue });
export const date = (allowNull = true) => ({ type: DataTypes.DATE, allowNull });
export const json = (allowNull = true) => ({ type: DataTypes.JSON, allowNull });
export const double = () => ({ type: DataTypes.DOUBLE, allowNull: true });
