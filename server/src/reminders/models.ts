import { Model, type Sequelize } from 'sequelize';
import type { NotificationKind } from '@xf/domain';
import { date, int, pk, str } from '../db/columns';

/** 通知 for an account without WeChat (the operator's app polls `GET /api/me/notifications`). */
export class Notification extends Model {
  declare id: number;
  declare accountId: number;
  declare kind: NotificationKind;
  declare title: string;
  declare body: string;
  declare subjectType: string;
  declare subjectId: number;
  declare readAt: Date | null;
  declare createdAt: Date;
}

export function initNotificationModel(sequelize: Sequelize) {
  Notification.init(
    {
      id: pk,
      accountId: int(false),
      kind: str(40, false),
      title: str(100, false),
      body: str(500, false),
      subjectType: str(40, false),
      subjectId: int(false),
      readAt: date(),
    },
    { sequelize, tableName: 'notifications' },
  );
}
