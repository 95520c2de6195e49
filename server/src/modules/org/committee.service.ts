// Committee use cases: the tree (for roll-up and the 派出党委 page), child committees and settings.
import { COMMITTEE_LEVELS, type Committee, type CommitteeCreate, type CommitteeUpdate } from '@xuncha/contracts';
import type { SessionUser } from '../../access/session-user.ts';
import { writeAudit } from '../../platform/audit.ts';
import { withTransaction } from '../../platform/db.ts';
import { badRequest, forbidden, insertOrConflict, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import * as repo from './committee.repository.ts';

/** committee.manage on the committee itself or on one above it. */
function canManage(user: SessionUser, row: { path: string }): boolean {
  return repo.grantedCommittees(user, 'committee.manage').some((id) => row.path.includes(`/${id}/`));
}

function present(row: repo.CommitteeRow, depth: number, user: SessionUser): Committee {
  const { path: _path, ...committee } = row;
  return { ...committee, depth, abilities: { manage: canManage(user, row) } };
}

/** Depth-first, siblings by name (rows arrive sorted by name); roots are rows whose parent is not visible. */
function treeOrder(rows: repo.CommitteeRow[], user: SessionUser): Committee[] {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string | null, repo.CommitteeRow[]>();
  for (const row of rows) {
    const key = row.parentId && ids.has(row.parentId) ? row.parentId : null;
    children.set(key, [...(children.get(key) ?? []), row]);
  }
  const ordered: Committee[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const row of children.get(parent) ?? []) {
      ordered.push(present(row, depth, user));
      visit(row.id, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}

export async function listCommittees(ctx: RequestContext) {
  return { items: treeOrder(await repo.listCommittees(ctx.db, ctx.user), ctx.user) };
}

async function loadCommittee(ctx: RequestContext, db: typeof ctx.db, id: string, message: string) {
  const row = await repo.findVisibleCommittee(db, ctx.user, id);
  if (!row) throw notFound('派出党委不存在');
  if (!canManage(ctx.user, row)) throw forbidden(message);
  return row;
}

const DUPLICATE_NAME = '同一上级党委下已有同名的党委';

export async function createCommittee(ctx: RequestContext, input: CommitteeCreate): Promise<Committee> {
  return withTransaction(ctx.db, async (tx) => {
    const parent = await loadCommittee(ctx, tx, input.parentId, '无权在该党委下设立下级党委');
    const parentLevel = COMMITTEE_LEVELS.indexOf(parent.level as (typeof COMMITTEE_LEVELS)[number]);
    if (COMMITTEE_LEVELS.indexOf(input.level) <= parentLevel) {
      const message = `下级党委的层级应低于上级党委（${parent.level}）`;
      throw badRequest(message, [{ path: 'level', message }]);
    }
    const id = await insertOrConflict(
      () => repo.insertCommittee(tx, { ...input, shortName: input.shortName || null }),
      DUPLICATE_NAME,
    );
    await writeAudit(tx, ctx.actor, { action: 'committee.create', entity: 'committee', entityId: id, after: input });
    const created = await repo.findVisibleCommittee(tx, ctx.user, id);
    if (!created) throw notFound('派出党委不存在');
    return present(created, 0, ctx.user);
  });
}

export async function updateCommittee(ctx: RequestContext, id: string, input: CommitteeUpdate): Promise<Committee> {
  return withTransaction(ctx.db, async (tx) => {
    const before = await loadCommittee(ctx, tx, id, '无权维护该党委');
    if (input.name === undefined && input.shortName === undefined && input.avoidanceYears === undefined) {
      throw badRequest('请填写要修改的内容');
    }
    const values = {
      name: input.name,
      short_name: input.shortName === undefined ? undefined : input.shortName || null,
      avoidance_years: input.avoidanceYears,
    };
    await insertOrConflict(() => repo.updateCommittee(tx, id, values), DUPLICATE_NAME);
    const after = await repo.findVisibleCommittee(tx, ctx.user, id);
    if (!after) throw notFound('派出党委不存在');
    await writeAudit(tx, ctx.actor, { action: 'committee.update', entity: 'committee', entityId: id, before, after });
    return present(after, 0, ctx.user);
  });
}
