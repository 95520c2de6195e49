// The phase history of an inspection and its 回头看 links, read for the detail page.
import type { Db } from '../../platform/db.ts';

export async function recordPhaseEvent(
  db: Db,
  entry: {
    inspectionId: string;
    event: string;
    from: string | null;
    to: string;
    actorId: string | null;
    actorName: string | null;
  },
) {
  await db
    .insertInto('inspection_event')
    .values({
      inspection_id: entry.inspectionId,
      event: entry.event,
      from_phase: entry.from,
      to_phase: entry.to,
      actor_id: entry.actorId,
      actor_name: entry.actorName,
    })
    .execute();
}

export function phaseHistory(db: Db, inspectionId: string) {
  return db
    .selectFrom('inspection_event')
    .select(['event', 'from_phase as fromPhase', 'to_phase as toPhase', 'actor_name as actorName', 'at'])
    .where('inspection_id', '=', inspectionId)
    .orderBy('id')
    .execute();
}

const LINK_FIELDS = ['i.id', 'r.name as roundName', 'i.type', 'i.phase', 'i.start_date as startDate'] as const;

/** Inspections linked by 回头看; both sides concern the same unit, so the caller's scope on one covers the other. */
export function linkedInspection(db: Db, id: string) {
  return db
    .selectFrom('inspection as i')
    .innerJoin('round as r', 'r.id', 'i.round_id')
    .select(LINK_FIELDS)
    .where('i.id', '=', id)
    .executeTakeFirst();
}

export function revisitsOf(db: Db, id: string) {
  return db
    .selectFrom('inspection as i')
    .innerJoin('round as r', 'r.id', 'i.round_id')
    .select(LINK_FIELDS)
    .where('i.previous_inspection_id', '=', id)
    .orderBy('i.start_date')
    .limit(20)
    .execute();
}
