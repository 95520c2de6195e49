// Grants follow the pledge: a member whose cadre has a login gets team_leader (组长/副组长) or
// team_member (组员/联络员) on every inspection of the team, but only once the 八个严禁 are pledged.
// New targets add grants for pledged members; leaving (or the team losing a target) revokes them.
import type { RoleCode } from '@xuncha/contracts';
import type { Db } from '../../platform/db.ts';

const TEAM_ROLES: RoleCode[] = ['team_leader', 'team_member'];

export function roleOfPost(post: string): RoleCode {
  return post === 'leader' || post === 'deputy_leader' ? 'team_leader' : 'team_member';
}

async function insertGrants(db: Db, rows: { userId: string; post: string }[], inspectionIds: string[]) {
  const values = rows.flatMap((r) =>
    inspectionIds.map((id) => ({
      user_id: r.userId,
      role_code: roleOfPost(r.post),
      scope_kind: 'inspection',
      scope_id: id,
    })),
  );
  if (values.length === 0) return;
  await db
    .insertInto('user_role')
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

function teamInspectionIds(db: Db, teamId: string) {
  return db.selectFrom('inspection').select('id').where('team_id', '=', teamId);
}

/** A member who has just pledged: grants on all the team's current inspections. */
export async function grantMember(db: Db, member: { userId: string | null; post: string; teamId: string }) {
  if (!member.userId) return;
  const ids = (await teamInspectionIds(db, member.teamId).execute()).map((r) => r.id);
  await insertGrants(db, [{ userId: member.userId, post: member.post }], ids);
}

/** New targets of a team: grants for its current, pledged members with a login. */
export async function grantPledgedMembers(db: Db, teamId: string, inspectionIds: string[]) {
  const members = await db
    .selectFrom('team_member as m')
    .innerJoin('cadre as c', 'c.id', 'm.cadre_id')
    .select(['c.user_id as userId', 'm.post'])
    .where('m.team_id', '=', teamId)
    .where('m.left_at', 'is', null)
    .where('m.pledged_at', 'is not', null)
    .where('c.user_id', 'is not', null)
    .execute();
  await insertGrants(
    db,
    members.flatMap((m) => (m.userId ? [{ userId: m.userId, post: m.post }] : [])),
    inspectionIds,
  );
}

/** A member leaves: their team grants on the team's inspections end. */
export async function revokeMember(db: Db, userId: string | null, teamId: string) {
  if (!userId) return;
  await db
    .deleteFrom('user_role')
    .where('user_id', '=', userId)
    .where('role_code', 'in', TEAM_ROLES)
    .where('scope_kind', '=', 'inspection')
    .where('scope_id', 'in', teamInspectionIds(db, teamId))
    .execute();
}

/** An inspection changes team: the old team's members lose their grants on it. */
export async function revokeTeamOnInspection(db: Db, teamId: string, inspectionId: string) {
  const users = db
    .selectFrom('team_member as m')
    .innerJoin('cadre as c', 'c.id', 'm.cadre_id')
    .select('c.user_id')
    .where('m.team_id', '=', teamId)
    .where('c.user_id', 'is not', null);
  await db
    .deleteFrom('user_role')
    .where('user_id', 'in', users)
    .where('role_code', 'in', TEAM_ROLES)
    .where('scope_kind', '=', 'inspection')
    .where('scope_id', '=', inspectionId)
    .execute();
}
