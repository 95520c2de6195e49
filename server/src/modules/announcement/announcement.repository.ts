// 巡察公告: SQL only. Callers load the inspection through its own scope first (inspection.read).
import type { AnnouncementSave } from '@xuncha/contracts';
import { sql } from 'kysely';
import type { Db } from '../../platform/db.ts';

export function findAnnouncement(db: Db, inspectionId: string) {
  return db
    .selectFrom('announcement')
    .select([
      'period_start as periodStart',
      'period_end as periodEnd',
      'phone',
      'mailbox',
      'address',
      'email',
      'reception_hours as receptionHours',
      'published_at as publishedAt',
    ])
    .where('inspection_id', '=', inspectionId)
    .executeTakeFirst();
}

/** Saves the draft; a published announcement is never overwritten (the WHERE makes it a no-op → false). */
export async function saveDraft(db: Db, inspectionId: string, input: AnnouncementSave, by: string) {
  const values = {
    period_start: input.periodStart ?? null,
    period_end: input.periodEnd ?? null,
    phone: input.phone ?? null,
    mailbox: input.mailbox || null,
    address: input.address || null,
    email: input.email ?? null,
    reception_hours: input.receptionHours || null,
    updated_by: by,
  };
  const result = await db
    .insertInto('announcement')
    .values({ inspection_id: inspectionId, ...values })
    .onConflict((oc) =>
      oc
        .column('inspection_id')
        .doUpdateSet({ ...values, updated_at: sql<string>`now()` })
        .where('announcement.published_at', 'is', null),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Conditional: publishes only an unpublished announcement; false means it was published meanwhile. */
export async function publish(db: Db, inspectionId: string, by: string) {
  const result = await db
    .updateTable('announcement')
    .set({ published_at: sql<string>`now()`, published_by: by })
    .where('inspection_id', '=', inspectionId)
    .where('published_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The committee's full name for the 公告 (中共示例市城关区委); the inspection was loaded in scope first. */
export async function committeeName(db: Db, committeeId: string) {
  const row = await db.selectFrom('committee').select('name').where('id', '=', committeeId).executeTakeFirstOrThrow();
  return row.name;
}
