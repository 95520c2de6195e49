// The unit picker of a round: which units may be targets of an inspection of this type. The office of
// a 区委 sees its own units and — for 提级/交叉 — the units of the committees below it, which a plain
// `GET /api/units` would refuse (the grant is on the upper committee); the scope is the round's.
import type { CandidateUnitQuery } from '@xuncha/contracts';
import type { z } from 'zod';
import { can, committeeRecord } from '../../access/scope.ts';
import type { Db } from '../../platform/db.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { countRows, pageResult, pageWindow, withTotal } from '../../platform/http/paging.ts';
import { escapeLike } from '../org/org.repository.ts';
import { findRound } from '../round/round.repository.ts';
import { targetScope } from './inspection.rules.ts';

type Query = z.output<typeof CandidateUnitQuery>;

function candidateUnits(db: Db, scope: { committeeIds: string[]; villagesOnly: boolean }, query: Query) {
  let base = db
    .selectFrom('org_unit as u')
    .innerJoin('committee as c', 'c.id', 'u.committee_id')
    .where('u.active', '=', true)
    .where('u.committee_id', 'in', scope.committeeIds);
  if (scope.villagesOnly || query.villagesOnly) base = base.where('u.kind', '=', 'village');
  if (query.q) base = base.where('u.name', 'like', `%${escapeLike(query.q)}%`);
  const { limit, offset } = pageWindow(query);
  return withTotal(
    base
      .select(['u.id', 'u.name', 'u.kind', 'u.committee_id as committeeId', 'c.name as committeeName'])
      .orderBy('u.path')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select(countRows).executeTakeFirstOrThrow(),
  );
}

export async function listCandidateUnits(ctx: RequestContext, roundId: string, query: Query) {
  const round = await findRound(ctx.db, ctx.user, roundId);
  if (!round) throw notFound('巡察轮次不存在');
  if (!can(ctx.user, 'inspection.create', committeeRecord(round.committeeId))) throw forbidden('无权在该轮次安排巡察');
  const scope = await targetScope(ctx.db, round.committeeId, query.type);
  if (scope.committeeIds.length === 0) return pageResult([], 0, query);
  const { items, total } = await candidateUnits(ctx.db, scope, query);
  return pageResult(items, total, query);
}
