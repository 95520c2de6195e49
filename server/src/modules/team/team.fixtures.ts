// Test helpers for teams: the round and team the team and inspection tests work in, cadres inserted
// directly (the talent pool has its own API and tests), logins without any grant, and the demo team's id.
import { hashPassword } from '../../platform/auth/password.ts';
import { DEMO_PASSWORD } from '../../seed/demo.ts';
import type { Harness } from '../../test/harness.ts';

/** The district's next round, 十五届区委第四轮巡察 (July–September 2026), opened by the office through the API. */
export async function openFourthRound(h: Harness): Promise<string> {
  const res = await (await h.as('office')).post('/api/rounds', {
    committeeId: h.demo.committeeId,
    name: '十五届区委第四轮巡察',
    year: 2026,
    seq: 4,
    startDate: '2026-07-01',
    endDate: '2026-09-30',
  });
  return res.json().id;
}

/** A team formed in the round by the office through the API. */
export async function formTeam(h: Harness, roundId: string, name = '区委第二巡察组'): Promise<string> {
  return (await (await h.as('office')).post(`/api/rounds/${roundId}/teams`, { name })).json().id;
}

export async function addCadre(
  h: Harness,
  cadre: { name: string; homeUnitId?: string; userId?: string; active?: boolean; pastPostUnitId?: string },
): Promise<string> {
  const row = await h.database.db
    .insertInto('cadre')
    .values({
      committee_id: h.demo.committeeId,
      name: cadre.name,
      user_id: cadre.userId ?? null,
      home_unit_id: cadre.homeUnitId ?? null,
      home_unit_name: cadre.homeUnitId ? '（见单位）' : '市审计局',
      post: '科员',
      skills: ['财务'],
      active: cadre.active ?? true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (cadre.pastPostUnitId)
    await h.database.db
      .insertInto('cadre_past_post')
      .values({
        cadre_id: row.id,
        unit_id: cadre.pastPostUnitId,
        unit_name: '（见单位）',
        post: '副局长',
        start_date: '2019-01-01',
        end_date: '2023-06-30',
      })
      .execute();
  return row.id;
}

/** A login of the demo committee holding no grant: whatever it sees comes from team membership. */
export async function addLogin(h: Harness, username: string, displayName: string): Promise<string> {
  const row = await h.database.db
    .insertInto('app_user')
    .values({
      username,
      display_name: displayName,
      password_hash: await hashPassword(DEMO_PASSWORD),
      committee_id: h.demo.committeeId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function teamIdByName(h: Harness, name: string): Promise<string> {
  const row = await h.database.db.selectFrom('team').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}

/** A committee below the demo district (for 提级/交叉) with one unit. */
export async function addLowerCommittee(h: Harness): Promise<{ committeeId: string; unitId: string }> {
  const committee = await h.database.db
    .insertInto('committee')
    .values({ name: '中共城关区东关街道工作委员会', level: '部门党组', parent_id: h.demo.committeeId })
    .returning('id')
    .executeTakeFirstOrThrow();
  const unitId = crypto.randomUUID();
  await h.database.db
    .insertInto('org_unit')
    .values({ id: unitId, committee_id: committee.id, path: `/${unitId}/`, name: '东关街道城建办', kind: 'affiliated' })
    .execute();
  return { committeeId: committee.id, unitId };
}
