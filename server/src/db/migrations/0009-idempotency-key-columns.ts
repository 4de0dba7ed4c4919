import type { QueryInterface } from 'sequelize';

/**
 * The device-generated key has one name everywhere: `idempotencyKey`. Work logs (`clientId`) and testing
 * tasks (`clientRequestId`) keep their key on the row under that name (the work-log list and the offline
 * merge need it); which key created which row is decided by idempotency_records (0008).
 * Work-log keys widen to 80 characters like every other key. RENAME COLUMN keeps the unique indexes.
 */
export async function up({ context: qi }: { context: QueryInterface }) {
  const mysql = qi.sequelize.getDialect() === 'mysql';
  await qi.sequelize.query(
    mysql
      ? 'ALTER TABLE work_logs CHANGE clientId idempotencyKey VARCHAR(80) NOT NULL'
      : 'ALTER TABLE work_logs RENAME COLUMN clientId TO idempotencyKey',
  );
  await qi.sequelize.query('ALTER TABLE testing_tasks RENAME COLUMN clientRequestId TO idempotencyKey');
}

export async function down({ context: qi }: { context: QueryInterface }) {
  const mysql = qi.sequelize.getDialect() === 'mysql';
  await qi.sequelize.query('ALTER TABLE testing_tasks RENAME COLUMN idempotencyKey TO clientRequestId');
  await qi.sequelize.query(
    mysql
      ? 'ALTER TABLE work_logs CHANGE idempotencyKey clientId VARCHAR(64) NOT NULL'
      : 'ALTER TABLE work_logs RENAME COLUMN idempotencyKey TO clientId',
  );
}
