import { Model, type Sequelize } from 'sequelize';
import type { AccountKind } from '@xf/domain';
import { bool, date, int, pk, str } from '../db/columns';

export class Account extends Model {
  declare id: number;
  declare accountName: string;
  declare passwordHash: string;
  declare kind: AccountKind;
  declare displayName: string;
  declare personId: number | null;
  declare institutionId: number | null;
  declare detachmentId: number | null;
  declare mustChangePassword: boolean;
  declare disabled: boolean;
  declare closedReason: string | null;
  declare failedLogins: number;
  declare lockedUntil: Date | null;
  declare tokenVersion: number;
  declare wechatOpenId: string | null;
  declare createdBy: number | null;
  declare lastLoginAt: Date | null;
  declare createdAt: Date;
}

// The signed-in actor carries its full account model (core/actor declares only what the core reads).
declare module '../core/actor' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging adds the model's members
  interface ActorAccount extends Account {}
}

export class WechatBindTicket extends Model {
  declare id: string;
  declare openId: string;
  declare expiresAt: Date;
}

export function initAccountModels(sequelize: Sequelize) {
  Account.init(
    {
      id: pk,
      accountName: str(30, false),
      passwordHash: str(100, false),
      kind: str(30, false),
      displayName: str(100, false),
      personId: int(),
      institutionId: int(),
      detachmentId: int(),
      mustChangePassword: bool(true),
      disabled: bool(false),
      closedReason: str(500),
      failedLogins: { ...int(false), defaultValue: 0 },
      lockedUntil: date(),
      tokenVersion: { ...int(false), defaultValue: 0 },
      wechatOpenId: str(64),
      createdBy: int(),
      lastLoginAt: date(),
    },
    { sequelize, tableName: 'accounts' },
  );
  WechatBindTicket.init(
    { id: { ...str(64, false), primaryKey: true }, openId: str(64, false), expiresAt: date(false) },
    { sequelize, tableName: 'wechat_bind_tickets' },
  );
}
