// Use cases for committees, units and people.
import { randomUUID } from 'node:crypto';
import type { Unit, UnitCreate, UnitListQuery } from '@xuncha/contracts';
import type { z } from 'zod';
import { can, committeeRecord } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import { withTransaction } from '../../platform/db.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import * as repo from './org.repository.ts';

type UnitRow = NonNullable<Awaited<ReturnType<typeof repo.findUnit>>>;

function presentUnit(row: UnitRow): Unit {
  const { path: _path, ...unit } = row;
  return { ...unit, kind: unit.kind as Unit['kind'] };
}

export async function listCommittees(ctx: RequestContext) {
  return { items: await repo.listCommittees(ctx.db, ctx.user) };
}

export async function listUnits(ctx: RequestContext, query: z.output<typeof UnitListQuery>) {
  const { items, total } = await repo.listUnits(ctx.db, ctx.user, query);
  return pageResult(items.map(presentUnit), total, query);
}

export async function createUnit(ctx: RequestContext, input: UnitCreate): Promise<Unit> {
  return withTransaction(ctx.db, async (tx) => {
    const committee = await repo.findCommittee(tx, ctx.user, input.committeeId);
    if (!committee) throw notFound('派出党委不存在');
    if (!can(ctx.user, 'unit.create', committeeRecord(committee.id))) throw forbidden('无权在该党委下新建单位');
    let parentPath = '/';
    if (input.parentId) {
      const parent = await repo.findUnitInCommittee(tx, committee.id, input.parentId);
      if (!parent)
        throw badRequest('上级单位不存在或不属于该党委', [
          { path: 'parentId', message: '上级单位不存在或不属于该党委' },
        ]);
      parentPath = parent.path;
    }
    const id = randomUUID();
    await repo.insertUnit(tx, {
      id,
      committeeId: committee.id,
      parentId: input.parentId ?? null,
      path: `${parentPath}${id}/`,
      name: input.name,
      kind: input.kind,
      headName: input.headName || null,
    });
    await writeAudit(tx, ctx.actor, { action: 'unit.create', entity: 'org_unit', entityId: id, after: input });
    const created = await repo.findUnit(tx, ctx.user, id);
    if (!created) throw notFound('单位不存在');
    return presentUnit(created);
  });
}

export async function peopleOfUnit(ctx: RequestContext, unitId: string) {
  const unit = await repo.findUnit(ctx.db, ctx.user, unitId);
  if (!unit) throw notFound('单位不存在');
  return { items: await repo.peopleOfUnitTree(ctx.db, unit.path) };
}

export async function peopleOfCommittee(ctx: RequestContext, committeeId: string) {
  const committee = await repo.findCommittee(ctx.db, ctx.user, committeeId);
  if (!committee) throw notFound('派出党委不存在');
  return { items: await repo.peopleOfCommittee(ctx.db, committee.id) };
}
