import type { Model, ModelStatic } from 'sequelize';
import { notFound } from './errors';

/** The row with this id, or 404 naming what was looked for (`${label}不存在`). */
export async function findOr404<M extends Model>(
  model: ModelStatic<M>,
  id: number,
  label: string,
): Promise<M> {
  const row = await model.findByPk(id);
  if (!row) throw notFound(label);
  return row;
}
