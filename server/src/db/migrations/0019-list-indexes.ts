import type { QueryInterface } from 'sequelize';

/**
 * Indexes for the lists' filters that had none (issue 9 §6): the operation log by institution and by actor
 * (the brigade's 操作日志 search; 30,000 rows were scanned for each page).
 */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.addIndex('operation_logs', ['institutionId', 'id'], { name: 'operation_logs_institution_id_id' });
  await qi.addIndex('operation_logs', ['actorId', 'id'], { name: 'operation_logs_actor_id_id' });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeIndex('operation_logs', 'operation_logs_actor_id_id');
  await qi.removeIndex('operation_logs', 'operation_logs_institution_id_id');
}
