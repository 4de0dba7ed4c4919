import { DataTypes, type QueryInterface } from 'sequelize';
import { timestamps } from './columns';

/**
 * Sessions (issue 9 §1): a login opens a session, its refresh tokens form one family, and every access token
 * names its session, so logout or a password change ends that session's access tokens at once and a reused
 * refresh token revokes the whole family. Failed logins for names with no account are counted like those of
 * real accounts, so the answers do not tell which account names exist. The login channel is no longer called
 * "client". Refresh tokens issued before this migration are dropped: those devices log in once more.
 */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable('sessions', {
    id: { type: DataTypes.STRING(36), primaryKey: true },
    accountId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'accounts', key: 'id' } },
    channel: { type: DataTypes.STRING(10), allowNull: false },
    /** The account's token version when the session opened; a bump (reset, disable, revoke-all) ends it. */
    tokenVersion: { type: DataTypes.INTEGER, allowNull: false },
    revokedAt: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('sessions', ['accountId'], { name: 'sessions_account' });
  await qi.dropTable('refresh_tokens');
  await qi.createTable('refresh_tokens', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    accountId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'accounts', key: 'id' } },
    sessionId: { type: DataTypes.STRING(36), allowNull: false, references: { model: 'sessions', key: 'id' } },
    tokenHash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    expiresAt: { type: DataTypes.DATE, allowNull: false },
    revokedAt: { type: DataTypes.DATE, allowNull: true },
    /** Set when the token was exchanged for its successor (as opposed to revoked by logout or reuse). */
    // Milliseconds: a refresh that arrived before this moment raced the rotation rather than reused the token.
    rotatedAt: { type: DataTypes.DATE(3), allowNull: true },
    /** The successor, sealed with this token as the key, handed again to a refresh racing the rotation. */
    successorSealed: { type: DataTypes.STRING(200), allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('refresh_tokens', ['sessionId'], { name: 'refresh_tokens_session' });
  await qi.createTable('login_throttles', {
    accountName: { type: DataTypes.STRING(30), primaryKey: true },
    failedLogins: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    lockedUntil: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('login_throttles');
  await qi.dropTable('refresh_tokens');
  await qi.createTable('refresh_tokens', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    accountId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'accounts', key: 'id' } },
    tokenHash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    client: { type: DataTypes.STRING(10), allowNull: false },
    expiresAt: { type: DataTypes.DATE, allowNull: false },
    revokedAt: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });
  await qi.dropTable('sessions');
}
