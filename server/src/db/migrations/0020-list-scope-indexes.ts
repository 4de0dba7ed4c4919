import type { QueryInterface } from 'sequelize';

/**
 * Indexes for an institution's lists, newest first (issue 9 §6): `WHERE institutionId = ? ORDER BY id DESC
 * LIMIT 20`. The existing indexes start with institutionId but continue with other columns, so the database
 * walked the whole table backwards by id, filtering: cheap for an institution holding many rows, a full scan
 * for one holding few. With (institutionId, id) the page is read straight from the index.
 * The coverage list asks which registry projects a project that is not cancelled links to: (registryProjectId,
 * status) answers from the index alone, without reading the projects' rows.
 */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.addIndex('projects', ['institutionId', 'id'], { name: 'projects_institution_id_id' });
  await qi.addIndex('reports', ['institutionId', 'id'], { name: 'reports_institution_id_id' });
  await qi.addIndex('projects', ['registryProjectId', 'status'], {
    name: 'projects_registry_project_status',
  });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeIndex('projects', 'projects_registry_project_status');
  await qi.removeIndex('reports', 'reports_institution_id_id');
  await qi.removeIndex('projects', 'projects_institution_id_id');
}
