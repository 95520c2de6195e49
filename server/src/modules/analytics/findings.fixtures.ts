// A hand-checkable world for 问题分析 and 成果运用, raw inserts into the demo committee (the figures must not
// depend on the services under test). Units: 分析测试镇 (A, 乡镇) with 分析测试村 (A1, 村, under A) and
// 分析测试中学 (B, 学校). Round R (2026) inspects A, A1 and B; round R0 (2024) inspected A before.
//
//  finding  insp  status          aspect            discipline  major       focus       power       areas                       common 8rules sens
//  f1       A     fed_back        party_leadership  political   leadership  key_person  approval    bidding, procurement        yes    -      internal
//  f2       A     fed_back        anti_corruption   integrity   -           -           allocation  funds_assets                -      yes    sensitive
//  f3       A     draft           party_building    work        -           -           -           ideology                    yes    yes    internal  (not counted)
//  f4       A1    draft+立行立改  anti_corruption   integrity   governance  -           -           village_assets, funds_assets yes   -      internal
//  f5       B     fed_back        party_building    -           building    key_matter  personnel   —                           -      yes    internal
//  f6       A/R0  fed_back        party_leadership  work        -           -           -           bidding                     -      -      internal
//
//  task  finding  status         evidence (kind: value)
//  tA1   f1       closed         money 1000.50, money 200, institution 财务管理制度, person 2, document (not counted)
//  tA2   f1       in_progress    money 5000, institution 未核验制度   — not verified, none counts
//  tA3   f1       partly_closed  money 300, institution 三重一大制度
//  tA1v  f4       closed         money 50
//  tB1   f5       closed         money 99.50, person 1
//  tOld  f6       closed         money 700                           — round R0
//
//  handover  finding  persons (form, current?)
//  h1        f1       1 ✓, 2 ✓, 3 superseded, (no form yet)
//  h2        f5       2 ✓, 4 ✓
//  h3        f6       1 ✓                                              — round R0
import { randomUUID } from 'node:crypto';
import type { Harness } from '../../test/harness.ts';

export interface AnalyticsFixture {
  roundId: string;
  oldRoundId: string;
  termPlanId: string;
  unitA: string;
  unitA1: string;
  unitB: string;
  findings: Record<'f1' | 'f2' | 'f3' | 'f4' | 'f5' | 'f6', string>;
}

type FindingSpec = {
  key: keyof AnalyticsFixture['findings'];
  insp: 'A' | 'A1' | 'B' | 'old';
  status: string;
  immediate?: boolean;
  aspect: string;
  discipline: string | null;
  major: string | null;
  focus: string | null;
  power: string | null;
  areas: string[];
  common: boolean;
  eight: boolean;
  sensitive?: boolean;
};

// biome-ignore format: the table above, one row per line
const FINDINGS: FindingSpec[] = [
  { key: 'f1', insp: 'A', status: 'fed_back', aspect: 'party_leadership', discipline: 'political', major: 'leadership_weakened', focus: 'key_person', power: 'approval', areas: ['bidding', 'procurement'], common: true, eight: false },
  { key: 'f2', insp: 'A', status: 'fed_back', aspect: 'anti_corruption', discipline: 'integrity', major: null, focus: null, power: 'allocation', areas: ['funds_assets'], common: false, eight: true, sensitive: true },
  { key: 'f3', insp: 'A', status: 'draft', aspect: 'party_building', discipline: 'work', major: null, focus: null, power: null, areas: ['ideology'], common: true, eight: true },
  { key: 'f4', insp: 'A1', status: 'draft', immediate: true, aspect: 'anti_corruption', discipline: 'integrity', major: 'governance_lax', focus: null, power: null, areas: ['village_assets', 'funds_assets'], common: true, eight: false },
  { key: 'f5', insp: 'B', status: 'fed_back', aspect: 'party_building', discipline: null, major: 'building_missing', focus: 'key_matter', power: 'personnel', areas: [], common: false, eight: true },
  { key: 'f6', insp: 'old', status: 'fed_back', aspect: 'party_leadership', discipline: 'work', major: null, focus: null, power: null, areas: ['bidding'], common: false, eight: false },
];

type TaskSpec = { key: string; finding: FindingSpec['key']; status: string; evidence: [string, number | null][] };
// biome-ignore format: the table above
const TASKS: TaskSpec[] = [
  { key: 'tA1', finding: 'f1', status: 'closed', evidence: [['money', 1000.5], ['money', 200], ['institution', null], ['person', 2], ['document', null]] },
  { key: 'tA2', finding: 'f1', status: 'in_progress', evidence: [['money', 5000], ['institution', null]] },
  { key: 'tA3', finding: 'f1', status: 'partly_closed', evidence: [['money', 300], ['institution', null]] },
  { key: 'tA1v', finding: 'f4', status: 'closed', evidence: [['money', 50]] },
  { key: 'tB1', finding: 'f5', status: 'closed', evidence: [['money', 99.5], ['person', 1]] },
  { key: 'tOld', finding: 'f6', status: 'closed', evidence: [['money', 700]] },
];

// biome-ignore format: the table above
const HANDOVERS: { finding: FindingSpec['key']; persons: [string | null, boolean][] }[] = [
  { finding: 'f1', persons: [['1', true], ['2', true], ['3', false], [null, true]] },
  { finding: 'f5', persons: [['2', true], ['4', true]] },
  { finding: 'f6', persons: [['1', true]] },
];

export async function seedAnalyticsFixture(h: Harness): Promise<AnalyticsFixture> {
  const db = h.database.db;
  const committeeId = h.demo.committeeId;
  const author = h.demo.users.zuzhang as string;
  const round = (name: string, year: number, start: string) =>
    db
      .insertInto('round')
      .values({ committee_id: committeeId, name, year, seq: 8, start_date: start, end_date: `${year}-06-30` })
      .returning('id')
      .executeTakeFirstOrThrow();
  const r = await round('分析测试轮次', 2026, '2026-01-05');
  const r0 = await round('分析测试往轮', 2024, '2024-03-01');
  const term = await db
    .insertInto('term_plan')
    .values({ committee_id: committeeId, name: '分析测试届', start_date: '2026-01-01', end_date: '2030-12-31' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const [a, a1, b] = [randomUUID(), randomUUID(), randomUUID()];
  const unit = (id: string, path: string, name: string, kind: string, parent: string | null) =>
    db
      .insertInto('org_unit')
      .values({ id, committee_id: committeeId, parent_id: parent, path, name, kind, head_name: '负责人' })
      .execute();
  await unit(a, `/${a}/`, '分析测试镇', 'township', null);
  await unit(a1, `/${a}/${a1}/`, '分析测试村', 'village', a);
  await unit(b, `/${b}/`, '分析测试中学', 'school', null);
  const inspection = async (unitId: string, roundId: string, start: string) =>
    (
      await db
        .insertInto('inspection')
        .values({
          committee_id: committeeId,
          round_id: roundId,
          unit_id: unitId,
          type: 'regular',
          phase: 'rectifying',
          team_name: '分析测试组',
          start_date: start,
          end_date: start.replace(/-\d\d$/, '-28'),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const insp = {
    A: await inspection(a, r.id, '2026-01-05'),
    A1: await inspection(a1, r.id, '2026-01-05'),
    B: await inspection(b, r.id, '2026-01-05'),
    old: await inspection(a, r0.id, '2024-03-01'),
  };
  const unitOf = { A: a, A1: a1, B: b, old: a };
  const findings = {} as AnalyticsFixture['findings'];
  const findingInsp = {} as Record<string, FindingSpec['insp']>;
  for (const [i, f] of FINDINGS.entries()) {
    const row = await db
      .insertInto('finding')
      .values({
        committee_id: committeeId,
        inspection_id: insp[f.insp],
        unit_id: unitOf[f.insp],
        seq: i + 1,
        title: `分析测试问题${f.key}`,
        facts: '测试事实',
        aspect: f.aspect,
        discipline: f.discipline,
        major_problem: f.major,
        focus: f.focus,
        power_type: f.power,
        areas: f.areas,
        is_common: f.common,
        eight_rules: f.eight,
        status: f.status,
        immediate: f.immediate ?? false,
        sensitivity: f.sensitive ? 'sensitive' : 'internal',
        created_by: author,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    findings[f.key] = row.id;
    findingInsp[f.key] = f.insp;
  }
  for (const [i, t] of TASKS.entries()) {
    const where = findingInsp[t.finding] as FindingSpec['insp'];
    const task = await db
      .insertInto('task')
      .values({
        committee_id: committeeId,
        unit_id: unitOf[where],
        inspection_id: insp[where],
        finding_id: findings[t.finding],
        seq: i + 1,
        title: `分析测试任务${t.key}`,
        measures: '测试措施',
        responsible_leader: '领导',
        responsible_department: '办公室',
        owner_user_id: h.demo.users.zerenren as string,
        due_date: '2026-12-31',
        status: t.status,
        long_term: t.status === 'partly_closed',
        next_checkpoint: t.status === 'partly_closed' ? '2026-09-30' : null,
        closed_at: t.status === 'closed' ? '2026-05-01T02:00:00Z' : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [j, [kind, value]] of t.evidence.entries()) {
      await db
        .insertInto('evidence')
        .values({
          task_id: task.id,
          kind,
          description: `${t.key}材料${j + 1}`,
          amount: kind === 'money' ? value : null,
          persons_count: kind === 'person' ? value : null,
          institution_name: kind === 'institution' ? `${t.key}制度` : null,
          institution_doc_no: kind === 'institution' ? `测〔2026〕${j + 1}号` : null,
          institution_date: kind === 'institution' ? '2026-04-01' : null,
          uploaded_by: h.demo.users.zerenren as string,
          at: `2026-04-0${(i % 9) + 1}T02:0${j}:00Z`,
        })
        .execute();
    }
  }
  for (const [i, ho] of HANDOVERS.entries()) {
    const where = findingInsp[ho.finding] as FindingSpec['insp'];
    const handover = await db
      .insertInto('handover')
      .values({
        committee_id: committeeId,
        inspection_id: insp[where],
        unit_id: unitOf[where],
        year: 2026,
        seq: 901 + i,
        kind: 'other',
        finding_id: findings[ho.finding],
        recipient: 'discipline',
        recipient_name: '区纪委监委',
        status: 'handling',
        sent_on: '2026-03-01',
        due_date: '2026-04-01',
        sent_by: h.demo.users.office as string,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [j, [form, current]] of ho.persons.entries()) {
      await db
        .insertInto('handover_person')
        .values({
          handover_id: handover.id,
          seq: j + 1,
          form,
          decided_on: form ? '2026-05-10' : null,
          superseded_at: current ? null : '2026-05-01T00:00:00Z',
        })
        .execute();
    }
  }
  return { roundId: r.id, oldRoundId: r0.id, termPlanId: term.id, unitA: a, unitA1: a1, unitB: b, findings };
}
