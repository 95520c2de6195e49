// What the report and feedback texts are assembled from: SQL only, each read under its own scope rule.
// Clues are COUNTED under the need-to-know count condition; no clue content is ever selected here.
import { sql } from 'kysely';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { clueCountWhere } from '../clue/clue.access.ts';

export function committeeName(db: Db, committeeId: string) {
  return db
    .selectFrom('committee')
    .select('name')
    .where('id', '=', committeeId)
    .executeTakeFirstOrThrow()
    .then((r) => r.name);
}

/** Findings of the inspection in registration order, as the user may read them. */
export function reportFindings(db: Db, user: SessionUser, inspectionId: string) {
  return db
    .selectFrom('finding as f')
    .select(['f.seq', 'f.title', 'f.facts', 'f.aspect', 'f.areas'])
    .where(scopeWhere(user, 'finding.read', { committeeId: 'f.committee_id', inspectionId: 'f.inspection_id' }))
    .where('f.inspection_id', '=', inspectionId)
    .orderBy('f.seq')
    .execute();
}

/** Fieldwork records per kind (numbers only: who was interviewed and what was said stay in the records). */
export async function fieldworkCounts(db: Db, user: SessionUser, inspectionId: string) {
  const rows = await db
    .selectFrom('fieldwork_record as w')
    .select(['w.kind', sql<number>`count(*)`.as('n')])
    .where(scopeWhere(user, 'fieldwork.read', { committeeId: 'w.committee_id', inspectionId: 'w.inspection_id' }))
    .where('w.inspection_id', '=', inspectionId)
    .groupBy('w.kind')
    .execute();
  return new Map(rows.map((r) => [r.kind, Number(r.n)]));
}

export async function clueCount(db: Db, user: SessionUser, inspectionId: string) {
  const row = await db
    .selectFrom('clue as c')
    .select(sql<number>`count(*)`.as('n'))
    .where(clueCountWhere(user))
    .where('c.inspection_id', '=', inspectionId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** 经验做法 recorded by the team, readable like the findings. */
export function goodPractices(db: Db, user: SessionUser, inspectionId: string) {
  return db
    .selectFrom('good_practice as g')
    .select(['g.title', 'g.content'])
    .where(scopeWhere(user, 'finding.read', { committeeId: 'g.committee_id', inspectionId: 'g.inspection_id' }))
    .where('g.inspection_id', '=', inspectionId)
    .orderBy('g.created_at')
    .orderBy('g.id')
    .execute();
}
