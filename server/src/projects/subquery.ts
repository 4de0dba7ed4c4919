import { literal } from 'sequelize';
import { Project } from './models';

/**
 * The ids of the projects matching equality conditions, as a subquery for `{ projectId: { [Op.in]: … } }`. List
 * scopes by project (site requests, testing records, maintenance work) used to read those ids first and send
 * them back as a list: an institution or a detachment holds thousands of projects, read again on every request.
 * The column names come from code; the values are escaped.
 */
export function projectIdsWhere(conditions: Record<string, string | number>) {
  const sequelize = Project.sequelize!;
  const clauses = Object.entries(conditions).map(
    ([column, value]) =>
      `${sequelize.getQueryInterface().quoteIdentifier(column)} = ${sequelize.escape(value)}`,
  );
  return literal(`(SELECT id FROM projects WHERE ${clauses.join(' AND ') || '1 = 1'})`);
}
