// 消息提醒: a user's own in-app notices (reminders, 督办, review results) and the office's manual sweep.
import { z } from 'zod';
import { PageQuery, pageOf, QueryBool } from './common.ts';
import { notificationKind } from './taxonomy-rectification.ts';

export const Notification = z.object({
  id: z.string(),
  kind: notificationKind.schema,
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationQuery = PageQuery.extend({ unread: QueryBool.optional() });
export type NotificationQuery = z.infer<typeof NotificationQuery>;
export const NotificationPage = pageOf(Notification);
export type NotificationPage = z.infer<typeof NotificationPage>;

export const UnreadCount = z.object({ unread: z.number() });
export const ReadAllResult = z.object({ marked: z.number() });

/** One reminder sweep: notices created per sweeper, or skipped while another process sweeps. */
export const SweepResult = z.object({
  skipped: z.boolean(),
  asOf: z.string(),
  created: z.number(),
  counts: z.record(z.string(), z.number()),
});
export type SweepResult = z.infer<typeof SweepResult>;
