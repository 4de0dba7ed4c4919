import { z } from 'zod';

/**
 * Reminders (manual §02 项目负责人在微信端比对位置和人脸 4: 微信号能第一时间向项目负责人推送需要处理的提醒): the lead gets a
 * WeChat subscribe message when a site request or a submitted record waits; the operator's app (no WeChat) reads
 * its notifications from the server.
 */
export const REMINDER_TOPICS = ['site_request', 'testing_submission', 'maintenance_submission'] as const;
export type ReminderTopic = (typeof REMINDER_TOPICS)[number];
export const reminderTopicLabels: Record<ReminderTopic, string> = {
  site_request: '现场申请待处理提醒',
  testing_submission: '检测记录待审核提醒',
  maintenance_submission: '维保任务待审核提醒',
};

/** The mini-program passes `templateIds` to wx.requestSubscribeMessage on a tap (WeChat requires a tap). */
export const subscribeTemplatesSchema = z.object({
  templateIds: z.array(z.string()),
  templates: z.array(z.object({ topic: z.enum(REMINDER_TOPICS), title: z.string(), templateId: z.string() })),
});
export type SubscribeTemplates = z.infer<typeof subscribeTemplatesSchema>;

export const NOTIFICATION_KINDS = [
  'site_request_approved',
  'site_request_rejected',
  'maintenance_task_approved',
  'maintenance_task_rejected',
  'maintenance_task_returned',
  'maintenance_fault_task_assigned',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notificationViewSchema = z.object({
  id: z.number().int(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  subjectType: z.string(),
  subjectId: z.number().int(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationViewSchema>;
export const notificationListSchema = z.object({
  items: z.array(notificationViewSchema),
  unread: z.number().int(),
});
export const notificationListQuerySchema = z.object({
  unread: z
    .enum(['true', 'false'], { error: '仅未读：只能是true或false' })
    .optional()
    .meta({ label: '未读' }),
});
