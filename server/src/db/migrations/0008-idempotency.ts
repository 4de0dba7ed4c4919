import { DataTypes, type QueryInterface } from 'sequelize';
import { fk, id } from './columns';

/**
 * One table for "create once by a device-generated key" (core/idempotent.ts): every entity an operator
 * creates in the field is keyed here, so a replay returns the original and a race yields one row.
 * Keys already used by work logs, uploaded files and testing tasks are carried over.
 */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable('idempotency_records', {
    id,
    accountId: fk('accounts', false),
    kind: { type: DataTypes.STRING(40), allowNull: false },
    idempotencyKey: { type: DataTypes.STRING(80), allowNull: false },
    /** sha-256 of the request as first received; null for keys carried over from before this table. */
    fingerprint: { type: DataTypes.STRING(64), allowNull: true },
    entityId: { type: DataTypes.STRING(40), allowNull: true },
    createdAt: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('idempotency_records', ['accountId', 'kind', 'idempotencyKey'], {
    unique: true,
    name: 'idempotency_records_key',
  });
  const now = qi.sequelize.getDialect() === 'sqlite' ? "datetime('now')" : 'NOW()';
  await qi.sequelize.query(
    `INSERT INTO idempotency_records (accountId, kind, idempotencyKey, fingerprint, entityId, createdAt)
     SELECT accountId, 'work_log', clientId, NULL, CAST(id AS CHAR), ${now} FROM work_logs`,
  );
  await qi.sequelize.query(
    `INSERT INTO idempotency_records (accountId, kind, idempotencyKey, fingerprint, entityId, createdAt)
     SELECT ownerAccountId, 'file', idempotencyKey, NULL, CAST(id AS CHAR), ${now} FROM stored_files
     WHERE idempotencyKey IS NOT NULL AND ownerAccountId IS NOT NULL`,
  );
  await qi.sequelize.query(
    `INSERT INTO idempotency_records (accountId, kind, idempotencyKey, fingerprint, entityId, createdAt)
     SELECT operatorAccountId, 'testing_task', clientRequestId, NULL, CAST(id AS CHAR), ${now} FROM testing_tasks`,
  );
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('idempotency_records');
}
