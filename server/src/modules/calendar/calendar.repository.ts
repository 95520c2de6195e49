// SQL of the working-day calendar. The calendar is one for the whole deployment (the State Council's
// notice applies everywhere), so there is no scope condition: reading needs a login, editing calendar.manage.
import type { CalendarDayKind } from '@xuncha/contracts';
import { sql } from 'kysely';
import type { Db } from '../../platform/db.ts';

const columns = ['day', 'kind', 'name', 'updated_at as updatedAt'] as const;

export function calendarDaysBetween(db: Db, from: string, to: string) {
  return db
    .selectFrom('work_calendar_day')
    .select(columns)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('day')
    .execute();
}

export function findCalendarDay(db: Db, day: string) {
  return db.selectFrom('work_calendar_day').select(columns).where('day', '=', day).executeTakeFirst();
}

export function saveCalendarDay(db: Db, row: { day: string; kind: CalendarDayKind; name: string; by: string }) {
  return db
    .insertInto('work_calendar_day')
    .values({ day: row.day, kind: row.kind, name: row.name, updated_by: row.by })
    .onConflict((oc) =>
      oc.column('day').doUpdateSet({ kind: row.kind, name: row.name, updated_by: row.by, updated_at: sql`now()` }),
    )
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export async function deleteCalendarDay(db: Db, day: string): Promise<boolean> {
  const result = await db.deleteFrom('work_calendar_day').where('day', '=', day).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
