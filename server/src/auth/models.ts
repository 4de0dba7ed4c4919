import { DataTypes, Model, type Sequelize } from 'sequelize';
import type { Channel } from '@xf/domain';
import { date, int, pk, str } from '../db/columns';

/** One login on one device: its refresh tokens form a family and its access tokens name it (`sid`). */
export class Session extends Model {
  declare id: string;
  declare accountId: number;
  declare channel: Channel;
  declare tokenVersion: number;
  declare revokedAt: Date | null;
}

export class RefreshToken extends Model {
  declare id: number;
  declare accountId: number;
  declare sessionId: string;
  declare tokenHash: string;
  declare expiresAt: Date;
  declare revokedAt: Date | null;
  declare rotatedAt: Date | null;
  declare successorSealed: string | null;
}

export class Captcha extends Model {
  declare id: string;
  declare text: string;
  declare expiresAt: Date;
  declare usedAt: Date | null;
}

/** Failed logins for account names that have no account, counted exactly like those of real accounts. */
export class LoginThrottle extends Model {
  declare accountName: string;
  declare failedLogins: number;
  declare lockedUntil: Date | null;
}

export function initAuthModels(sequelize: Sequelize) {
  Session.init(
    {
      id: { ...str(36, false), primaryKey: true },
      accountId: int(false),
      channel: str(10, false),
      tokenVersion: int(false),
      revokedAt: date(),
    },
    { sequelize, tableName: 'sessions' },
  );
  RefreshToken.init(
    {
      id: pk,
      accountId: int(false),
      sessionId: str(36, false),
      tokenHash: str(64, false),
      expiresAt: date(false),
      revokedAt: date(),
      rotatedAt: { type: DataTypes.DATE(3), allowNull: true },
      successorSealed: str(200),
    },
    { sequelize, tableName: 'refresh_tokens' },
  );
  Captcha.init(
    {
      id: { ...str(36, false), primaryKey: true },
      text: str(10, false),
      expiresAt: date(false),
      usedAt: date(),
    },
    { sequelize, tableName: 'captchas' },
  );
  LoginThrottle.init(
    {
      accountName: { ...str(30, false), primaryKey: true },
      failedLogins: { ...int(false), defaultValue: 0 },
      lockedUntil: date(),
    },
    { sequelize, tableName: 'login_throttles' },
  );
}
