import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * When the last counted login attempt on a name was made: a channel without a captcha form (the app and the
 * mini-program today) may try again once the challenge period has passed; five failures still lock.
 * Separate from 0010-sessions, which had already been merged when this was added.
 */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.addColumn('accounts', 'lastAttemptAt', { type: DataTypes.DATE, allowNull: true });
  await qi.addColumn('login_throttles', 'lastAttemptAt', { type: DataTypes.DATE, allowNull: true });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeColumn('login_throttles', 'lastAttemptAt');
  await qi.removeColumn('accounts', 'lastAttemptAt');
}
