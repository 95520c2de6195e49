// A finding's evidence: links to the fieldwork records (谈话, 调阅资料 …) it rests on. SQL only.
import { sql } from 'kysely';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';

/**
 * The linked records this user may know of, with the fieldwork module's own scope: the team and the
 * office see them all, a unit user only its own 自查 records. Title, kind and date only — never notes.
 */
export function linkedRecords(db: Db, user: SessionUser, findingId: string) {
  return db
    .selectFrom('finding_evidence as fe')
    .innerJoin('fieldwork_record as fr', 'fr.id', 'fe.record_id')
    .select(['fr.id', 'fr.seq', 'fr.kind', 'fr.title', 'fr.occurred_on as occurredOn'])
    .where('fe.finding_id', '=', findingId)
    .where('fe.unlinked_at', 'is', null)
    .where(
      scopeWhere(user, 'fieldwork.read', {
        committeeId: 'fr.committee_id',
        unitId: 'fr.unit_id',
        inspectionId: 'fr.inspection_id',
        unitCondition: sql`fr.kind = 'self_check'`,
      }),
    )
    .orderBy('fr.seq')
    .execute();
}

/** Of these record ids, those that are records of the inspection. */
export async function recordsOfInspection(db: Db, inspectionId: string, recordIds: string[]): Promise<Set<string>> {
  if (recordIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('fieldwork_record')
    .select('id')
    .where('inspection_id', '=', inspectionId)
    .where('id', 'in', recordIds)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Links the records; an earlier unlinked row is linked again. Returns the ids that were not linked before. */
export async function linkRecords(db: Db, findingId: string, recordIds: string[], userId: string, at: string) {
  if (recordIds.length === 0) return [];
  const rows = await db
    .insertInto('finding_evidence')
    .values(
      recordIds.map((recordId) => ({ finding_id: findingId, record_id: recordId, linked_by: userId, linked_at: at })),
    )
    .onConflict((oc) =>
      oc
        .columns(['finding_id', 'record_id'])
        .doUpdateSet({ linked_by: userId, linked_at: at, unlinked_by: null, unlinked_at: null })
        .where('finding_evidence.unlinked_at', 'is not', null),
    )
    .returning('record_id')
    .execute();
  return rows.map((r) => r.record_id);
}

/** Conditional: false when the record is not (or no longer) linked. The row stays, marked unlinked. */
export async function unlinkRecord(db: Db, findingId: string, recordId: string, userId: string, at: string) {
  const result = await db
    .updateTable('finding_evidence')
    .set({ unlinked_by: userId, unlinked_at: at })
    .where('finding_id', '=', findingId)
    .where('record_id', '=', recordId)
    .where('unlinked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
