import type { Model } from 'sequelize';
import { json } from '../db/columns';

/** A JSON column that reads back as a value on every dialect (MariaDB returns JSON columns as text). */
export const parsedJson = (field: string, allowNull = true) => ({
  ...json(allowNull),
  get(this: Model) {
    const v = this.getDataValue(field);
    return typeof v === 'string' ? JSON.parse(v) : v;
  },
});
