// 领导小组 and 巡察办 membership. A post drives the member's default role on the committee: adding a
// member with an account grants it (unless already held), ending the membership revokes exactly the
// grant it created. The 三员 never get such roles (三员分立).
import {
  type CommitteeMember,
  type CommitteeMemberCreate,
  type CommitteeMemberEnd,
  type CommitteeMemberQuery,
  defaultRoleOfPost,
  isThreeAdminRole,
  type MemberPost,
} from '@xuncha/contracts';
import { can, committeeRecord } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { writeAudit } from '../../platform/audit.ts';
import { type Tx, withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, forbidden, insertOrConflict, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import * as repo from './member.repository.ts';
import { findCommittee } from './org.repository.ts';

function present(row: repo.MemberRow, user: SessionUser): CommitteeMember {
  const { grantId: _grantId, ...member } = row;
  return {
    ...member,
    body: member.body as CommitteeMember['body'],
    post: member.post as MemberPost,
    abilities: { end: member.endedOn === null && can(user, 'leading_group.manage', committeeRecord(row.committeeId)) },
  };
}

async function visibleCommittee(ctx: RequestContext, db: Tx | RequestContext['db'], id: string) {
  const committee = await findCommittee(db, ctx.user, id, 'leading_group.read');
  if (!committee) throw notFound('派出党委不存在');
  return committee;
}

function requireManage(ctx: RequestContext, committeeId: string) {
  if (!can(ctx.user, 'leading_group.manage', committeeRecord(committeeId))) throw forbidden('无权维护领导小组和巡察办');
}

export async function listMembers(ctx: RequestContext, committeeId: string, query: CommitteeMemberQuery) {
  const committee = await visibleCommittee(ctx, ctx.db, committeeId);
  const { items, total } = await repo.listMembers(ctx.db, committee.id, query);
  return pageResult(
    items.map((row) => present(row, ctx.user)),
    total,
    query,
  );
}

const badUser = (message: string) => badRequest(message, [{ path: 'userId', message }]);

/** Grants the post's default role unless the user holds it already; the created grant, if any. */
async function grantDefaultRole(tx: Tx, ctx: RequestContext, committeeId: string, input: CommitteeMemberCreate) {
  const role = defaultRoleOfPost[input.post];
  if (!input.userId || !role) return { role: null, grantId: null };
  const account = await repo.accountOf(tx, input.userId);
  if (!account || account.committeeId !== committeeId || !account.active) {
    throw badUser('关联账号不存在或不属于该党委');
  }
  if (account.roles.some(isThreeAdminRole)) {
    throw badUser('系统管理员、安全管理员、安全审计员（三员）账号不能担任领导小组或巡察办职务并获得业务角色');
  }
  if (await repo.committeeGrant(tx, input.userId, role, committeeId)) return { role: null, grantId: null };
  const grantId = await repo.insertGrant(tx, input.userId, role, committeeId);
  await writeAudit(tx, ctx.actor, {
    action: 'user_role.grant',
    entity: 'user_role',
    entityId: grantId,
    after: { userId: input.userId, role, scopeKind: 'committee', scopeId: committeeId, by: 'committee_member' },
  });
  return { role, grantId };
}

export async function addMember(ctx: RequestContext, committeeId: string, input: CommitteeMemberCreate) {
  return withTransaction(ctx.db, async (tx) => {
    const committee = await visibleCommittee(ctx, tx, committeeId);
    requireManage(ctx, committee.id);
    const grant = await grantDefaultRole(tx, ctx, committee.id, input);
    const { id } = await insertOrConflict(
      () =>
        repo.insertMember(tx, {
          committee_id: committee.id,
          body: input.body,
          post: input.post,
          name: input.name,
          title: input.title || null,
          user_id: input.userId ?? null,
          started_on: input.startedOn,
          granted_role: grant.role,
          grant_id: grant.grantId,
        }),
      '该账号在该机构已有现任职务，请先办理离任',
    );
    await writeAudit(tx, ctx.actor, {
      action: 'committee_member.create',
      entity: 'committee_member',
      entityId: id,
      after: input,
    });
    return present(await loadMember(tx, ctx, id), ctx.user);
  });
}

async function loadMember(tx: Tx, ctx: RequestContext, id: string) {
  const member = await repo.findMember(tx, id);
  if (!member || !(await findCommittee(tx, ctx.user, member.committeeId, 'leading_group.read'))) {
    throw notFound('领导小组或巡察办成员不存在');
  }
  return member;
}

/** Revokes the grant this membership created (a user holds one current post per body, so no other
 * membership can be relying on it). */
async function releaseGrant(tx: Tx, ctx: RequestContext, member: repo.MemberRow) {
  if (!member.grantId || !member.grantedRole) return;
  await repo.deleteGrant(tx, member.grantId);
  await writeAudit(tx, ctx.actor, {
    action: 'user_role.revoke',
    entity: 'user_role',
    entityId: member.grantId,
    before: { userId: member.userId, role: member.grantedRole, scopeKind: 'committee', scopeId: member.committeeId },
  });
}

export async function endMember(ctx: RequestContext, id: string, input: CommitteeMemberEnd) {
  return withTransaction(ctx.db, async (tx) => {
    const member = await loadMember(tx, ctx, id);
    requireManage(ctx, member.committeeId);
    if (member.endedOn) throw conflict(`该成员已于 ${member.endedOn} 离任`);
    if (input.endedOn < member.startedOn) {
      throw badRequest('离任日期不能早于任职日期', [{ path: 'endedOn', message: '离任日期不能早于任职日期' }]);
    }
    if (!(await repo.endMember(tx, id, input.endedOn, input.reason))) throw conflict('该成员已离任，请刷新后重试');
    await releaseGrant(tx, ctx, member);
    await writeAudit(tx, ctx.actor, {
      action: 'committee_member.end',
      entity: 'committee_member',
      entityId: id,
      after: input,
    });
    return present(await loadMember(tx, ctx, id), ctx.user);
  });
}
