import type { Round, RoundCreate, RoundListQuery } from '@xuncha/contracts';
import type { z } from 'zod';
import { can, committeeRecord } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import { withTransaction } from '../../platform/db.ts';
import { conflict, forbidden, insertOrConflict, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { findCommittee } from '../org/org.repository.ts';
import * as repo from './round.repository.ts';

export async function listRounds(ctx: RequestContext, query: z.output<typeof RoundListQuery>) {
  const { items, total } = await repo.listRounds(ctx.db, ctx.user, query);
  return pageResult(items, total, query);
}

export async function createRound(ctx: RequestContext, input: RoundCreate): Promise<Round> {
  return withTransaction(ctx.db, async (tx) => {
    const committee = await findCommittee(tx, ctx.user, input.committeeId, 'round.read');
    if (!committee) throw notFound('派出党委不存在');
    if (!can(ctx.user, 'round.create', committeeRecord(committee.id))) throw forbidden('无权为该党委安排巡察轮次');
    const duplicate = `${input.year} 年第 ${input.seq} 轮巡察已存在`;
    if (await repo.roundExists(tx, committee.id, input.year, input.seq)) throw conflict(duplicate);
    // the check above answers the common case; the unique constraint settles concurrent duplicates
    const id = await insertOrConflict(() => repo.insertRound(tx, { ...input, committeeId: committee.id }), duplicate);
    await writeAudit(tx, ctx.actor, { action: 'round.create', entity: 'round', entityId: id, after: input });
    const round = await repo.findRound(tx, ctx.user, id);
    if (!round) throw notFound('巡察轮次不存在');
    return round;
  });
}
