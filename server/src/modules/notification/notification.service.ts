// 消息提醒: the caller's own notices. Reading a notice is not audited (it changes nothing but the
// recipient's own view); a notice belongs to one user, so there is no permission beyond being logged in.
import type { Notification, NotificationKind, NotificationQuery } from '@xuncha/contracts';
import { notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { findNotification, listNotifications, markAllRead, markRead, unreadCount } from './notification.repository.ts';

type Row = Omit<Notification, 'kind'> & { kind: string };
const present = (row: Row): Notification => ({ ...row, kind: row.kind as NotificationKind });

export async function myNotifications(ctx: RequestContext, query: NotificationQuery) {
  const { items, total } = await listNotifications(ctx.db, ctx.user.id, query);
  return { items: items.map(present), total, page: query.page, pageSize: query.pageSize };
}

export async function myUnreadCount(ctx: RequestContext) {
  return { unread: await unreadCount(ctx.db, ctx.user.id) };
}

export async function readNotification(ctx: RequestContext, id: string): Promise<Notification> {
  if (!(await findNotification(ctx.db, ctx.user.id, id))) throw notFound('消息不存在');
  await markRead(ctx.db, ctx.user.id, id, ctx.clock.now());
  const row = await findNotification(ctx.db, ctx.user.id, id);
  if (!row) throw notFound('消息不存在');
  return present(row);
}

export async function readAllNotifications(ctx: RequestContext) {
  return { marked: await markAllRead(ctx.db, ctx.user.id, ctx.clock.now()) };
}
