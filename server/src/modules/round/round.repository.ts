import type { RoundListQuery } from '@xuncha/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { countRows, pageWindow, withTotal } from '../../platform/http/paging.ts';

function visibleRounds(db: Db, user: SessionUser) {
  return db.selectFrom('round as r').where(scopeWhere(user, 'round.read', { committeeId: 'r.committee_id' }));
}

const ROUND_FIELDS = [
  'r.id',
  'r.committee_id as committeeId',
  'r.name',
  'r.year',
  'r.seq',
  'r.start_date as startDate',
  'r.end_date as endDate',
  sql<number>`(SELECT count(*) FROM inspection i WHERE i.round_id = r.id)`.as('inspectionCount'),
] as const;

export async function listRounds(db: Db, user: SessionUser, query: z.output<typeof RoundListQuery>) {
  let base = visibleRounds(db, user);
  if (query.committeeId) base = base.where('r.committee_id', '=', query.committeeId);
  const { limit, offset } = pageWindow(query);
  return withTotal(
    base.select(ROUND_FIELDS).orderBy('r.year', 'desc').orderBy('r.seq', 'desc').limit(limit).offset(offset).execute(),
    base.select(countRows).executeTakeFirstOrThrow(),
  );
}

export function findRound(db: Db, user: SessionUser, id: string) {
  return visibleRounds(db, user).select(ROUND_FIELDS).where('r.id', '=', id).executeTakeFirst();
}

export function roundExists(db: Db, committeeId: string, year: number, seq: number) {
  return db
    .selectFrom('round')
    .select('id')
    .where('committee_id', '=', committeeId)
    .where('year', '=', year)
    .where('seq', '=', seq)
    .executeTakeFirst();
}

export async function insertRound(
  db: Db,
  round: { committeeId: string; name: string; year: number; seq: number; startDate: string; endDate: string },
) {
  const row = await db
    .insertInto('round')
    .values({
      committee_id: round.committeeId,
      name: round.name,
      year: round.year,
      seq: round.seq,
      start_date: round.startDate,
      end_date: round.endDate,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
