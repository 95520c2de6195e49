// 开门整改: SQL only. The case's list goes through the case scope; the public list selects nothing but
// the published text, the unit's name and the date.
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { caseScope } from './rectification.repository.ts';

export function publicationsOfCase(db: Db, user: SessionUser, caseId: string) {
  return db
    .selectFrom('publication as p')
    .innerJoin('rectification as rc', 'rc.id', 'p.rectification_id')
    .innerJoin('app_user as a', 'a.id', 'p.created_by')
    .leftJoin('app_user as w', 'w.id', 'p.withdrawn_by')
    .select([
      'p.id',
      'p.channel',
      'p.published_on as publishedOn',
      'p.title',
      'p.summary',
      'a.display_name as createdByName',
      'p.created_at as createdAt',
      'p.withdrawn_at as withdrawnAt',
      'w.display_name as withdrawnByName',
    ])
    .where('p.rectification_id', '=', caseId)
    .where(caseScope(user))
    .orderBy('p.published_on', 'desc')
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id')
    .execute();
}

export async function insertPublication(
  db: Db,
  values: {
    committeeId: string;
    caseId: string;
    channel: string;
    publishedOn: string;
    title: string;
    summary: string;
    by: string;
  },
) {
  const row = await db
    .insertInto('publication')
    .values({
      committee_id: values.committeeId,
      rectification_id: values.caseId,
      channel: values.channel,
      published_on: values.publishedOn,
      title: values.title,
      summary: values.summary,
      created_by: values.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function existsInCase(db: Db, caseId: string, id: string) {
  const row = await db
    .selectFrom('publication')
    .select('id')
    .where('id', '=', id)
    .where('rectification_id', '=', caseId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Conditional: withdrawn once; 0 rows → already withdrawn. */
export async function markWithdrawn(db: Db, id: string, by: string, at: string) {
  const result = await db
    .updateTable('publication')
    .set({ withdrawn_at: at, withdrawn_by: by })
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function publicRound(db: Db, roundId: string) {
  return db
    .selectFrom('round as r')
    .innerJoin('committee as c', 'c.id', 'r.committee_id')
    .select(['r.name as roundName', 'c.name as committeeName'])
    .where('r.id', '=', roundId)
    .executeTakeFirst();
}

// a round has at most a few dozen inspections; the bound keeps an anonymous endpoint cheap regardless
const PUBLIC_LIMIT = 500;

export function publicPublications(db: Db, roundId: string, today: string) {
  return db
    .selectFrom('publication as p')
    .innerJoin('rectification as rc', 'rc.id', 'p.rectification_id')
    .innerJoin('inspection as i', 'i.id', 'rc.inspection_id')
    .innerJoin('org_unit as u', 'u.id', 'rc.unit_id')
    .select(['u.name as unitName', 'p.title', 'p.summary', 'p.published_on as publishedOn'])
    .where('i.round_id', '=', roundId)
    .where('p.channel', '=', 'public')
    .where('p.withdrawn_at', 'is', null)
    .where('p.published_on', '<=', today)
    .orderBy('p.published_on', 'desc')
    .orderBy('u.name')
    .limit(PUBLIC_LIMIT)
    .execute();
}
