// SQL of a user's own notices. Every statement carries `user_id = <the caller>`: a notice is private
// to its recipient, so another user's notice is simply not found.
import { sql } from 'kysely';
import type { Db } from '../../platform/db.ts';

const columns = ['id', 'kind', 'title', 'body', 'link', 'created_at as createdAt', 'read_at as readAt'] as const;

export async function listNotifications(
  db: Db,
  userId: string,
  filter: { unread?: boolean | undefined; page: number; pageSize: number },
) {
  let query = db.selectFrom('notification').where('user_id', '=', userId);
  if (filter.unread === true) query = query.where('read_at', 'is', null);
  if (filter.unread === false) query = query.where('read_at', 'is not', null);
  const [items, total] = await Promise.all([
    query
      .select(columns)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findNotification(db: Db, userId: string, id: string) {
  return db
    .selectFrom('notification')
    .select(columns)
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Marks one notice read (a notice already read keeps its first read time). */
export async function markRead(db: Db, userId: string, id: string, at: Date) {
  await db
    .updateTable('notification')
    .set({ read_at: sql`coalesce(read_at, ${at.toISOString()}::timestamptz)` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .execute();
}

export async function markAllRead(db: Db, userId: string, at: Date): Promise<number> {
  const result = await db
    .updateTable('notification')
    .set({ read_at: at.toISOString() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
