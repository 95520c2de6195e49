// A hand-checkable round for the 整改不实 rules: three units of the demo committee, each fed back on
// 2026-03-01, so the 集中整改期 (2 months) ends on 2026-05-01 and the 突击销号 window is 04-28 … 05-01.
// Raw inserts: what is flagged must not depend on the services under test. Closing times are 02:00 UTC
// (10:00 in Shanghai), so the UTC and Shanghai days agree unless a row says otherwise.
//
//  key  unit  status         closed  evidence (kind/KB)             → flagged as (why)
//  A1–A5 A    closed         04-30   institution record             → 突击销号: 5 on one day (= N), 1 day before 05-01
//  A6–A10 A   closed         04-27   institution record             → —: 5 on one day but 4 days before (one outside D)
//  A11  A     closed         04-28   institution record             → —: inside the window but alone that day
//  A12  A     open                                                  → —
//  B1   B     closed         05-10   none                           → 佐证单薄 none
//  B2   B     closed         05-10   photo 50 + photo 100           → 佐证单薄 few_small: 2 files (= N), 150 KB
//  B3   B     closed         05-10   3 photos × 10                  → —: 3 files (N + 1)
//  B4   B     closed         05-10   2 photos, 200 KB exactly       → —: not under 200 KB
//  B5   B     closed         05-10   document 500 (制度缺失 finding) → 佐证单薄 no_institution
//  B6   B     closed         05-10   institution (廉洁纪律 finding)  → 佐证单薄 no_money_or_person
//  B7   B     closed         05-09   document 500, 20 min before 申请销号, task 65 days old → 佐证单薄 rushed
//  B8   B     closed         05-09   document 500, 35 min before     → —: outside 30 minutes
//  B9   B     partly_closed          none                           → 佐证单薄 none (阶段性完成 counts)
//  B10  B     in_progress            reopened once                  → 回访反弹 (reopened_count)
//  B11  B     closed         05-10   institution; 回访 06-01 反弹    → 回访反弹 (revisit outcome)
//  C1–C3 C    closed         06-08   institution, due 06-10         → 突击销号: 3 of C's 4 tasks (≥ 50 %), 2 days before due
//  C4   C     open                                                  → —
// B closed 7 on 05-10, but 05-10 is past the period end and 51 days before the due date 06-30: no 突击销号.
// Totals: 16 flagged; 佐证单薄 6 (B1 B2 B5 B6 B7 B9), 突击销号 8 (A1–A5, C1–C3), 回访反弹 2 (B10 B11).
import { randomUUID } from 'node:crypto';
import type { Harness } from '../../test/harness.ts';

type Ev = { kind: string; kb?: number; at?: string };
interface Row {
  key: string;
  unit: 'a' | 'b' | 'c';
  status: string;
  closed?: string;
  due?: string;
  evidence?: Ev[];
  finding?: 'building' | 'integrity';
  submittedAt?: string;
  reopened?: number;
}

const rec: Ev[] = [{ kind: 'institution' }];
const range = (prefix: string, from: number, to: number, row: Omit<Row, 'key'>): Row[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ ...row, key: `${prefix}${from + i}` }));

export const SIGNAL_ROWS: Row[] = [
  ...range('A', 1, 5, { unit: 'a', status: 'closed', closed: '2026-04-30', evidence: rec }),
  ...range('A', 6, 10, { unit: 'a', status: 'closed', closed: '2026-04-27', evidence: rec }),
  { key: 'A11', unit: 'a', status: 'closed', closed: '2026-04-28', evidence: rec },
  { key: 'A12', unit: 'a', status: 'open' },
  { key: 'B1', unit: 'b', status: 'closed', closed: '2026-05-10' },
  {
    key: 'B2',
    unit: 'b',
    status: 'closed',
    closed: '2026-05-10',
    evidence: [
      { kind: 'photo', kb: 50 },
      { kind: 'photo', kb: 100 },
    ],
  },
  {
    key: 'B3',
    unit: 'b',
    status: 'closed',
    closed: '2026-05-10',
    evidence: [1, 2, 3].map(() => ({ kind: 'photo', kb: 10 })),
  },
  {
    key: 'B4',
    unit: 'b',
    status: 'closed',
    closed: '2026-05-10',
    evidence: [
      { kind: 'photo', kb: 120 },
      { kind: 'photo', kb: 80 },
    ],
  },
  {
    key: 'B5',
    unit: 'b',
    status: 'closed',
    closed: '2026-05-10',
    finding: 'building',
    evidence: [{ kind: 'document', kb: 500 }],
  },
  { key: 'B6', unit: 'b', status: 'closed', closed: '2026-05-10', finding: 'integrity', evidence: rec },
  {
    key: 'B7',
    unit: 'b',
    status: 'closed',
    closed: '2026-05-09',
    submittedAt: '2026-05-09T02:00:00Z',
    evidence: [{ kind: 'document', kb: 500, at: '2026-05-09T01:40:00Z' }],
  },
  {
    key: 'B8',
    unit: 'b',
    status: 'closed',
    closed: '2026-05-09',
    submittedAt: '2026-05-09T02:00:00Z',
    evidence: [{ kind: 'document', kb: 500, at: '2026-05-09T01:25:00Z' }],
  },
  { key: 'B9', unit: 'b', status: 'partly_closed' },
  { key: 'B10', unit: 'b', status: 'in_progress', reopened: 1 },
  { key: 'B11', unit: 'b', status: 'closed', closed: '2026-05-10', evidence: rec },
  ...range('C', 1, 3, { unit: 'c', status: 'closed', closed: '2026-06-08', due: '2026-06-10', evidence: rec }),
  { key: 'C4', unit: 'c', status: 'open', due: '2026-06-10' },
];

export interface SignalFixture {
  roundId: string;
  units: Record<'a' | 'b' | 'c', string>;
  inspections: Record<'a' | 'b' | 'c', string>;
  tasks: Record<string, string>;
}

const UNITS = [
  ['a', 'township', '预警测试镇'],
  ['b', 'school', '预警测试中学'],
  ['c', 'hospital', '预警测试医院'],
] as const;

export async function seedSignalFixture(h: Harness): Promise<SignalFixture> {
  const db = h.database.db;
  const committeeId = h.demo.committeeId;
  const zuzhang = h.demo.users.zuzhang as string;
  const owner = h.demo.users.zerenren as string;
  const round = await db
    .insertInto('round')
    .values({
      committee_id: committeeId,
      name: '预警测试轮次',
      year: 2026,
      seq: 8,
      start_date: '2026-01-05',
      end_date: '2026-02-28',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const units = { a: randomUUID(), b: randomUUID(), c: randomUUID() };
  const inspections = { a: '', b: '', c: '' };
  const findings: Record<string, string> = {};
  for (const [key, kind, name] of UNITS) {
    const id = units[key];
    await db
      .insertInto('org_unit')
      .values({ id, committee_id: committeeId, path: `/${id}/`, name, kind, head_name: '负责人' })
      .execute();
    const inspection = await db
      .insertInto('inspection')
      .values({
        committee_id: committeeId,
        round_id: round.id,
        unit_id: id,
        type: 'regular',
        phase: 'rectifying',
        team_name: '区委第三巡察组',
        start_date: '2026-01-05',
        end_date: '2026-02-10',
        feedback_date: '2026-03-01',
        feedback_content: '反馈意见（测试）',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    inspections[key] = inspection.id;
    for (const [seq, variant] of (['plain', 'building', 'integrity'] as const).entries()) {
      const finding = await db
        .insertInto('finding')
        .values({
          committee_id: committeeId,
          inspection_id: inspection.id,
          unit_id: id,
          seq: seq + 1,
          title: `预警测试问题${key}${seq + 1}`,
          facts: '测试事实',
          aspect: 'party_building',
          discipline: variant === 'integrity' ? 'integrity' : 'work',
          focus: 'key_matter',
          power_type: 'approval',
          major_problem: variant === 'building' ? 'building_missing' : null,
          areas: [],
          is_common: false,
          eight_rules: false,
          status: 'fed_back',
          created_by: zuzhang,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      findings[`${key}:${variant}`] = finding.id;
    }
  }
  const tasks: Record<string, string> = {};
  for (const [i, r] of SIGNAL_ROWS.entries()) {
    const task = await db
      .insertInto('task')
      .values({
        committee_id: committeeId,
        unit_id: units[r.unit],
        inspection_id: inspections[r.unit],
        finding_id: findings[`${r.unit}:${r.finding ?? 'plain'}`] as string,
        seq: i + 1,
        title: `预警测试任务${r.key}`,
        measures: '测试措施',
        responsible_leader: '领导',
        responsible_department: '办公室',
        owner_user_id: owner,
        due_date: r.due ?? '2026-06-30',
        status: r.status,
        long_term: r.status === 'partly_closed',
        next_checkpoint: r.status === 'partly_closed' ? '2026-09-30' : null,
        created_at: '2026-03-05T02:00:00Z',
        closed_at: r.closed ? `${r.closed}T02:00:00Z` : null,
        reopened_count: r.reopened ?? 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    tasks[r.key] = task.id;
    for (const [n, e] of (r.evidence ?? []).entries()) {
      const file =
        e.kb === undefined
          ? {}
          : { file_name: `佐证${n + 1}.jpg`, stored_name: randomUUID(), mime: 'image/jpeg', size: e.kb * 1024 };
      await db
        .insertInto('evidence')
        .values({
          task_id: task.id,
          kind: e.kind,
          description: '佐证（测试）',
          uploaded_by: owner,
          at: e.at ?? `${r.closed ?? '2026-04-01'}T01:00:00Z`,
          ...file,
        })
        .execute();
    }
    if (r.submittedAt)
      await db
        .insertInto('task_event')
        .values({
          task_id: task.id,
          event: 'submit',
          from_status: 'in_progress',
          to_status: 'submitted',
          actor_id: owner,
          at: r.submittedAt,
        })
        .execute();
  }
  const revisit = await db
    .selectFrom('rectification')
    .select('id')
    .where('inspection_id', '=', inspections.b)
    .executeTakeFirstOrThrow();
  const visit = await db
    .insertInto('revisit')
    .values({
      committee_id: committeeId,
      rectification_id: revisit.id,
      unit_id: units.b,
      kind: 'revisit',
      planned_on: '2026-06-01',
      status: 'done',
      conducted_on: '2026-06-01',
      created_by: h.demo.users.office as string,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('revisit_outcome')
    .values({
      revisit_id: visit.id,
      task_id: tasks.B11 as string,
      outcome: 'rebound',
      note: '台账又出现白条报销',
      recorded_by: h.demo.users.office as string,
    })
    .execute();
  return { roundId: round.id, units, inspections, tasks };
}
