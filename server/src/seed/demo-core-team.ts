// The core demo's team: 区委第一巡察组 of 十五届区委第三轮巡察, covering 区住建局 and 区教育局 (一托N).
// 赵刚 (组长) and 钱进 (组员) are cadres with logins who have signed the 八个严禁, so their
// inspection grants come the same way as for any team: through the pledge.
import { grantPledgedMembers } from '../modules/team/team.grants.ts';
import type { Tx } from '../platform/db.ts';

export async function seedCoreTeam(
  tx: Tx,
  input: {
    committeeId: string;
    roundId: string;
    inspectionIds: string[];
    users: Record<string, string>;
    pledgedAt: string;
  },
): Promise<string> {
  const team = await tx
    .insertInto('team')
    .values({ committee_id: input.committeeId, round_id: input.roundId, name: '区委第一巡察组' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const members = [
    {
      user: 'zuzhang',
      name: '赵刚',
      home: '区纪委监委',
      post: 'leader',
      secretary: true,
      cadrePost: '第一纪检监察室主任',
    },
    { user: 'zuyuan', name: '钱进', home: '区审计局', post: 'member', secretary: false, cadrePost: '审计一科科长' },
  ];
  for (const m of members) {
    const cadre = await tx
      .insertInto('cadre')
      .values({
        committee_id: input.committeeId,
        user_id: input.users[m.user] ?? null,
        name: m.name,
        home_unit_name: m.home,
        post: m.cadrePost,
        skills: m.post === 'leader' ? ['discipline'] : ['audit', 'finance'],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('team_member')
      .values({
        team_id: team.id,
        cadre_id: cadre.id,
        post: m.post,
        is_branch_secretary: m.secretary,
        pledged_at: input.pledgedAt,
      })
      .execute();
  }
  await tx.updateTable('inspection').set({ team_id: team.id }).where('id', 'in', input.inspectionIds).execute();
  await grantPledgedMembers(tx, team.id, input.inspectionIds);
  return team.id;
}
