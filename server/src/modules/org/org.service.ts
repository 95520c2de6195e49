// People of a unit subtree or of a committee (pickers for owners and team members).
import { notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import * as repo from './org.repository.ts';
import { findUnit } from './unit.repository.ts';

export async function peopleOfUnit(ctx: RequestContext, unitId: string) {
  const unit = await findUnit(ctx.db, ctx.user, unitId);
  if (!unit) throw notFound('单位不存在');
  return { items: await repo.peopleOfUnitTree(ctx.db, unit.path) };
}

export async function peopleOfCommittee(ctx: RequestContext, committeeId: string) {
  const committee = await repo.findCommittee(ctx.db, ctx.user, committeeId);
  if (!committee) throw notFound('派出党委不存在');
  return { items: await repo.peopleOfCommittee(ctx.db, committee.id) };
}
