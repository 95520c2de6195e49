// Reading the audit log (安全审计员). Pages are keyset on id, newest first: every filter has an index whose
// trailing column is id (0014), so a page is an index range however deep into 1M+ rows it is. SQL only.
import type { AuditQuery } from '@xuncha/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db.ts';

export type AuditFilter = Omit<AuditQuery, 'after' | 'limit'>;

const SUMMARY = [
  sql<string>`e.id::text`.as('id'),
  'e.at',
  sql<string | null>`e.actor_id::text`.as('actorId'),
  'e.actor_name as actorName',
  'e.action',
  'e.entity',
  'e.entity_id as entityId',
  'e.ip',
] as const;

function conditions(filter: AuditFilter, after: string | undefined): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [];
  if (filter.from) where.push(sql<SqlBool>`e.at >= ${filter.from}`);
  if (filter.to) where.push(sql<SqlBool>`e.at < ${filter.to}`);
  // the actor by name as it was when acting, or by account id
  if (filter.actor)
    where.push(
      /^[0-9a-f-]{36}$/i.test(filter.actor)
        ? sql<SqlBool>`e.actor_id = ${filter.actor}::uuid`
        : sql<SqlBool>`e.actor_name = ${filter.actor}`,
    );
  if (filter.action) where.push(sql<SqlBool>`e.action = ${filter.action}`);
  if (filter.entity) where.push(sql<SqlBool>`e.entity = ${filter.entity}`);
  if (filter.entityId) where.push(sql<SqlBool>`e.entity_id = ${filter.entityId}`);
  if (after) where.push(sql<SqlBool>`e.id < ${after}::bigint`);
  return where;
}

/** Up to `limit` entries older than `after` (newest first). */
export function pageOfEntries(db: Db, filter: AuditFilter, after: string | undefined, limit: number) {
  const where = conditions(filter, after);
  return db
    .selectFrom('audit_entry as e')
    .select(SUMMARY)
    .where((eb) => eb.and(where))
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
}
export type AuditRow = Awaited<ReturnType<typeof pageOfEntries>>[number];

export function findEntry(db: Db, id: string) {
  return db
    .selectFrom('audit_entry as e')
    .select([...SUMMARY, 'e.before', 'e.after', 'e.request_id as requestId', 'e.prev_hash as prevHash', 'e.hash'])
    .where('e.id', '=', sql<number>`${id}::bigint`)
    .executeTakeFirst();
}
