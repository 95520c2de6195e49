// Test support of the 工作量 figures: a hand-checkable round (two teams, three inspections, five cadres) and
// the helpers the analytics-work tests share (audit count, reading an exported sheet).
import ExcelJS from 'exceljs';
import type { Harness } from '../../test/harness.ts';

export async function auditCount(h: Harness): Promise<number> {
  const row = await h.database.db
    .selectFrom('audit_entry')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The first sheet's rows as text, header first. */
export async function readSheet(payload: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]?.eachRow((r) => {
    rows.push((r.values as ExcelJS.CellValue[]).slice(1).map((v) => String(v ?? '')));
  });
  return rows;
}

export interface WorkloadFixture {
  roundId: string;
  units: string[];
  teams: { first: string; second: string };
  cadres: Record<'c1' | 'c2' | 'c3' | 'c4', string>;
}

//  inspection  team    unit kind   进驻 → 撤离              days  findings  clues  fieldwork records
//  I1          first   township    2026-03-02 → 03-31       30    2         1      3
//  I2          first   village     2026-03-10 → 04-09       31    1         0      0
//  I3          second  school      2026-04-01 → 04-30       30    0         2      1
//  I4          (none)  hospital    2026-04-01 → 04-30       —     1         1      1   (no team: no workload)
const INSPECTIONS = [
  { team: 'first', kind: 'township', start: '2026-03-02', end: '2026-03-31', findings: 2, clues: 1, records: 3 },
  { team: 'first', kind: 'village', start: '2026-03-10', end: '2026-04-09', findings: 1, clues: 0, records: 0 },
  { team: 'second', kind: 'school', start: '2026-04-01', end: '2026-04-30', findings: 0, clues: 2, records: 1 },
  { team: null, kind: 'hospital', start: '2026-04-01', end: '2026-04-30', findings: 1, clues: 1, records: 1 },
] as const;

//  c1 组长 of first and 组员 of second; c2 组员 of first; c3 副组长 of second; c4 联络员 of second
const MEMBERS = [
  ['c1', 'first', 'leader'],
  ['c1', 'second', 'member'],
  ['c2', 'first', 'member'],
  ['c3', 'second', 'deputy_leader'],
  ['c4', 'second', 'liaison'],
] as const;

export async function seedWorkloadFixture(h: Harness): Promise<WorkloadFixture> {
  const db = h.database.db;
  const committee_id = h.demo.committeeId;
  const author = h.demo.users.zuzhang as string;
  const round = await db
    .insertInto('round')
    .values({
      committee_id,
      name: '工作量测试轮次',
      year: 2026,
      seq: 8,
      start_date: '2026-03-01',
      end_date: '2026-05-31',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const team = async (name: string) =>
    (
      await db
        .insertInto('team')
        .values({ committee_id, round_id: round.id, name })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const teams = { first: await team('测试第一巡察组'), second: await team('测试第二巡察组') };
  const cadres = {} as WorkloadFixture['cadres'];
  for (const key of ['c1', 'c2', 'c3', 'c4'] as const) {
    const row = await db
      .insertInto('cadre')
      .values({ committee_id, name: `测试干部${key}`, home_unit_name: '区纪委', post: '干部', skills: [] })
      .returning('id')
      .executeTakeFirstOrThrow();
    cadres[key] = row.id;
  }
  for (const [cadre, t, post] of MEMBERS) {
    await db.insertInto('team_member').values({ team_id: teams[t], cadre_id: cadres[cadre], post }).execute();
  }
  const units: string[] = [];
  for (const [n, spec] of INSPECTIONS.entries()) {
    const unit = await db
      .insertInto('org_unit')
      .values({ committee_id, path: '/', name: `工作量测试单位${n + 1}`, kind: spec.kind })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('org_unit')
      .set({ path: `/${unit.id}/` })
      .where('id', '=', unit.id)
      .execute();
    units.push(unit.id);
    const inspection = await db
      .insertInto('inspection')
      .values({
        committee_id,
        round_id: round.id,
        unit_id: unit.id,
        type: 'regular',
        phase: 'reporting',
        team_name: spec.team ? `测试${spec.team}组` : '未编组',
        team_id: spec.team ? teams[spec.team] : null,
        start_date: spec.start,
        end_date: spec.end,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const common = { committee_id, inspection_id: inspection.id, unit_id: unit.id };
    for (let seq = 1; seq <= spec.findings; seq++) {
      await db
        .insertInto('finding')
        .values({
          ...common,
          seq,
          title: `工作量问题${seq}`,
          facts: '事实',
          aspect: 'party_building',
          created_by: author,
          areas: [],
          is_common: false,
          eight_rules: false,
        })
        .execute();
    }
    for (let seq = 1; seq <= spec.clues; seq++) {
      await db
        .insertInto('clue')
        .values({
          ...common,
          round_id: round.id,
          seq: n * 10 + seq,
          category: 'integrity',
          source: 'interview',
          received_on: spec.start,
          content_sealed: 'sealed',
          registered_by: author,
        })
        .execute();
    }
    for (let seq = 1; seq <= spec.records; seq++) {
      await db
        .insertInto('fieldwork_record')
        .values({
          ...common,
          seq,
          kind: 'meeting',
          title: `座谈会${seq}`,
          occurred_on: spec.start,
          sensitive: false,
          summary: '纪要',
          details: '{}',
          created_by: author,
        })
        .execute();
    }
  }
  return { roundId: round.id, units, teams, cadres };
}
