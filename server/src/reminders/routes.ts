import {
  notificationListQuerySchema,
  notificationListSchema,
  reminderTopicLabels,
  subscribeTemplatesSchema,
  REMINDER_TOPICS,
} from '@xf/domain';
import { route } from '../core/route';
import { Notification } from './models';

const tag = '提醒';
const present = (n: Notification) => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  subjectType: n.subjectType,
  subjectId: n.subjectId,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

export const reminderRoutes = [
  route({
    method: 'get',
    path: '/wechat/subscribe-templates',
    summary: '订阅消息模板：小程序在用户点击时据此申请订阅（现场申请待处理、检测记录待审核）',
    tag,
    kinds: ['project_lead', 'technical_lead'],
    response: subscribeTemplatesSchema,
    handler: ({ app }) => {
      const templates = REMINDER_TOPICS.map((topic) => ({
        topic,
        title: reminderTopicLabels[topic],
        templateId: app.config.reminderTemplates[topic],
      })).filter((t) => t.templateId);
      return { templateIds: templates.map((t) => t.templateId), templates };
    },
  }),
  route({
    method: 'get',
    path: '/me/notifications',
    summary: '我的通知：最近50条（unread=true 仅未读），及未读数量',
    tag,
    query: notificationListQuerySchema,
    response: notificationListSchema,
    handler: async ({ actor, query }) => {
      const mine = { accountId: actor.id };
      const unreadOnly = { ...mine, readAt: null };
      const rows = await Notification.findAll({
        where: query.unread === 'true' ? unreadOnly : mine,
        order: [['id', 'DESC']],
        limit: 50,
      });
      return { items: rows.map(present), unread: await Notification.count({ where: unreadOnly }) };
    },
  }),
  route({
    method: 'post',
    path: '/me/notifications/read',
    summary: '我的通知：全部标为已读',
    tag,
    response: notificationListSchema,
    handler: async ({ actor }) => {
      await Notification.update({ readAt: new Date() }, { where: { accountId: actor.id, readAt: null } });
      const rows = await Notification.findAll({
        where: { accountId: actor.id },
        order: [['id', 'DESC']],
        limit: 50,
      });
      return { items: rows.map(present), unread: 0 };
    },
  }),
];
