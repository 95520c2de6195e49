// Fixtures for the talent-pool API tests: cadres through the API, teams straight into the tables
// (teams belong to another module; here they only need to exist).
import { expect } from 'vitest';
import type { Harness } from '../../test/harness.ts';

type Table =
  | 'cadre'
  | 'cadre_availability'
  | 'cadre_past_post'
  | 'cadre_relative'
  | 'cadre_training'
  | 'cadre_commendation'
  | 'cadre_appraisal'
  | 'audit_entry';

export async function count(h: Harness, table: Table): Promise<number> {
  const row = await h.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function createCadre(h: Harness, body: Record<string, unknown>): Promise<string> {
  const res = await (await h.as('office')).post('/api/cadres', { post: '科员', homeUnitName: '市审计局', ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id;
}

export async function createTeam(h: Harness, name: string, cadreIds: string[], committeeId = h.demo.committeeId) {
  const roundId = committeeId === h.demo.committeeId ? h.demo.roundId : h.outsider.roundId;
  const team = await h.database.db
    .insertInto('team')
    .values({ committee_id: committeeId, round_id: roundId, name })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (cadreIds.length)
    await h.database.db
      .insertInto('team_member')
      .values(cadreIds.map((cadre_id, i) => ({ team_id: team.id, cadre_id, post: i === 0 ? 'leader' : 'member' })))
      .execute();
  return team.id;
}

export async function outsiderCadre(h: Harness): Promise<string> {
  const row = await h.database.db
    .insertInto('cadre')
    .values({
      committee_id: h.outsider.committeeId,
      name: '城西干部',
      home_unit_id: h.outsider.unitId,
      home_unit_name: '城西区水务局',
      post: '科员',
      skills: [],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function expectChinese400(res: { statusCode: number; json(): { code: string; message: string } }) {
  expect(res.statusCode).toBe(400);
  expect(res.json().code).toBe('validation');
  expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
}
