// Deterministic data generator, all in SQL (INSERT … SELECT generate_series, in batches): sending a
// million rows from Node one by one would measure the driver, not the schema.
// Every id and every "random" attribute is md5(seed:kind:n), so the same parameters give the same
// rows on PGlite and PostgreSQL, and a child row computes its parent's id without a join.
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../server/src/platform/db.ts';
import { fieldwork, handovers, outcomeEvidence, teams } from './generate-work.ts';
import type { BenchParams } from './params.ts';

type Ctx = GenerateCtx;

export const BENCH_PASSWORD = 'Bench#2025-xuncha';
export const officeUsername = 'bench-office';
/** 巡察办 of the province committee above the generated committees (上下联动) */
export const provinceUsername = 'bench-province';
export const liaisonUsername = (unit: number) => `bench-liaison-${unit}`;

// zod's uuid() accepts only RFC 4122 ids, so the md5 gets the version-4 and variant nibbles.
const FUNCTIONS = [
  `CREATE FUNCTION bench_uuid(k text) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE
     AS $$ SELECT overlay(overlay(md5(k) placing '4' from 13) placing '8' from 17)::uuid $$`,
  `CREATE FUNCTION bench_rand(k text) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE
     AS $$ SELECT ('x' || substr(md5(k), 1, 8))::bit(32)::bigint $$`,
  `CREATE FUNCTION bench_pick(options text[], r bigint) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
     AS $$ SELECT options[1 + (r % cardinality(options))::int] $$`,
];

export interface GenerateCtx {
  db: Db;
  p: BenchParams;
  /** md5 key prefix: the seed */
  k: RawBuilder<unknown>;
  today: string;
  units: number;
  findings: number;
  tasks: number;
  log: (line: string) => void;
}

async function inBatches(
  ctx: Ctx,
  label: string,
  total: number,
  build: (lo: number, hi: number) => RawBuilder<unknown>,
) {
  for (let lo = 1; lo <= total; lo += ctx.p.batchRows) {
    const hi = Math.min(total, lo + ctx.p.batchRows - 1);
    const started = performance.now();
    await build(lo, hi).execute(ctx.db);
    ctx.log(
      `  ${label} ${hi.toLocaleString('en')}/${total.toLocaleString('en')} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
}

async function organisation(ctx: Ctx, passwordHash: string) {
  const { db, k, p } = ctx;
  // the committees are the lower committees of one province committee, whose office sees them in 上下联动
  await sql`INSERT INTO committee (id, name, level) VALUES (bench_uuid(${k} || 'province'), '中共示例省委', '省委')`.execute(
    db,
  );
  await sql`INSERT INTO committee (id, name, level, parent_id)
    SELECT bench_uuid(${k} || 'c' || c), '中共示例第' || c || '区县委', '区县委', bench_uuid(${k} || 'province')
    FROM generate_series(1, ${p.committees}::int) c`.execute(db);
  await sql`INSERT INTO org_unit (id, committee_id, path, name, kind, head_name)
    SELECT bench_uuid(${k} || 'u' || u), bench_uuid(${k} || 'c' || ((u - 1) / ${p.unitsPerCommittee}::int + 1)),
      '/' || bench_uuid(${k} || 'u' || u) || '/', '示例单位' || u,
      bench_pick('{department,affiliated,township,village,soe,school,hospital}', bench_rand(${k} || 'u' || u)),
      '负责人' || u
    FROM generate_series(1, ${ctx.units}::int) u`.execute(db);
  await sql`INSERT INTO app_user (id, username, display_name, password_hash, committee_id)
    VALUES (bench_uuid(${k} || 'office'), ${officeUsername}, '巡察办（压测）', ${passwordHash}, bench_uuid(${k} || 'c1')),
      (bench_uuid(${k} || 'province-office'), ${provinceUsername}, '省委巡察办（压测）', ${passwordHash},
       bench_uuid(${k} || 'province'))`.execute(db);
  await sql`INSERT INTO app_user (id, username, display_name, password_hash, committee_id, unit_id)
    SELECT bench_uuid(${k} || 'l' || u), 'bench-liaison-' || u, '联络员' || u, ${passwordHash},
      bench_uuid(${k} || 'c' || ((u - 1) / ${p.unitsPerCommittee}::int + 1)), bench_uuid(${k} || 'u' || u)
    FROM generate_series(1, ${ctx.units}::int) u`.execute(db);
  await sql`INSERT INTO app_user (id, username, display_name, password_hash, committee_id, unit_id)
    SELECT bench_uuid(${k} || 'o' || o), 'bench-owner-' || o, '责任人' || o, ${passwordHash},
      bench_uuid(${k} || 'c' || ((o - 1) / ${p.ownersPerUnit * p.unitsPerCommittee}::int + 1)),
      bench_uuid(${k} || 'u' || ((o - 1) / ${p.ownersPerUnit}::int + 1))
    FROM generate_series(1, ${ctx.units * p.ownersPerUnit}::int) o`.execute(db);
  await sql`INSERT INTO user_role (user_id, role_code, scope_kind, scope_id)
    SELECT bench_uuid(${k} || 'office'), 'office', 'committee', bench_uuid(${k} || 'c1')
    UNION ALL SELECT bench_uuid(${k} || 'province-office'), 'office_director', 'committee', bench_uuid(${k} || 'province')
    UNION ALL SELECT bench_uuid(${k} || 'l' || u), 'unit_liaison', 'unit', bench_uuid(${k} || 'u' || u)
      FROM generate_series(1, ${ctx.units}::int) u
    UNION ALL SELECT bench_uuid(${k} || 'o' || o), 'task_owner', 'self', NULL
      FROM generate_series(1, ${ctx.units * p.ownersPerUnit}::int) o`.execute(db);
}

// One round per committee and year over the last 10 years; each unit inspected once, in year u % 10.
async function inspections(ctx: Ctx) {
  const { db, k, p } = ctx;
  const lastYear = Number(ctx.today.slice(0, 4));
  await sql`INSERT INTO round (id, committee_id, name, year, seq, start_date, end_date)
    SELECT bench_uuid(${k} || 'r' || c || '.' || y), bench_uuid(${k} || 'c' || c),
      (${lastYear}::int - 9 + y) || '年第一轮巡察', ${lastYear}::int - 9 + y, 1,
      make_date(${lastYear}::int - 9 + y, 3, 1), make_date(${lastYear}::int - 9 + y, 11, 30)
    FROM generate_series(1, ${p.committees}::int) c, generate_series(0, 9) y`.execute(db);
  await teams(ctx);
  await sql`INSERT INTO inspection (id, committee_id, round_id, unit_id, type, phase, team_name, team_id,
      start_date, end_date, feedback_date, feedback_content)
    SELECT bench_uuid(${k} || 'i' || u), bench_uuid(${k} || 'c' || c),
      bench_uuid(${k} || 'r' || c || '.' || (u % 10)), bench_uuid(${k} || 'u' || u), 'regular', 'rectifying',
      '第' || (1 + u % 8) || '巡察组', bench_uuid(${k} || 'tm' || c || '.' || (u % 10) || '.' || (1 + u % 8)),
      d, d + 40, d + 60, '巡察组反馈巡察意见（压测数据）'
    FROM generate_series(1, ${ctx.units}::int) u,
      LATERAL (SELECT (u - 1) / ${p.unitsPerCommittee}::int + 1 AS c,
        make_date(${lastYear}::int - 9 + u % 10, 3, 1) + u % 150 AS d) x`.execute(db);
}

async function findings(ctx: Ctx) {
  const { k, p } = ctx;
  await inBatches(
    ctx,
    'finding',
    ctx.findings,
    (lo, hi) => sql`INSERT INTO finding (id, committee_id, inspection_id, unit_id, seq, title, facts, aspect,
        discipline, focus, power_type, status)
      SELECT bench_uuid(${k} || 'f' || f), bench_uuid(${k} || 'c' || ((u - 1) / ${p.unitsPerCommittee}::int + 1)),
        bench_uuid(${k} || 'i' || u), bench_uuid(${k} || 'u' || u), (f - 1) % ${p.findingsPerUnit}::int + 1,
        bench_pick('{落实上级决策部署不到位,选人用人把关不严,违规发放津补贴,工程项目招投标不规范,基层党组织软弱涣散}', r)
          || '（问题' || f || '）',
        '经查，该单位存在上述问题，涉及金额和人员详见底稿（压测数据 ' || f || '）。',
        bench_pick('{party_leadership,party_building,strict_governance,anti_corruption}', r / 7),
        bench_pick('{political,organizational,integrity,mass,work,life}', r / 31),
        bench_pick('{key_person,key_matter,key_problem}', r / 211),
        bench_pick('{approval,enforcement,personnel,allocation}', r / 1009), 'fed_back'
      FROM generate_series(${lo}::int, ${hi}::int) f,
        LATERAL (SELECT (f - 1) / ${p.findingsPerUnit}::int + 1 AS u, bench_rand(${k} || 'f' || f) AS r) x`,
  );
}

// Task n (0-based) belongs to finding floor(n·F/T), so tasks spread evenly even when T/F is fractional;
// seq restarts at 1 on each finding's first task, ceil(f·T/F). Due dates span 8 years back to 2 ahead,
// and the status depends on whether the date has passed, as it would in a real ledger.
async function tasks(ctx: Ctx) {
  const { k, p } = ctx;
  const past = `{closed,closed,closed,closed,closed,closed,closed,closed,closed,closed,closed,closed,closed,closed,closed,partly_closed,submitted,in_progress,in_progress,returned}`;
  const future = `{open,open,open,open,in_progress,in_progress,in_progress,in_progress,in_progress,in_progress,in_progress,in_progress,submitted,submitted,submitted,returned,partly_closed,closed,closed,closed}`;
  await inBatches(
    ctx,
    'task',
    ctx.tasks,
    (lo, hi) => sql`INSERT INTO task (id, committee_id, unit_id, inspection_id, finding_id, seq, title, measures,
        responsible_leader, responsible_department, owner_user_id, due_date, status, long_term, created_at, updated_at,
        closed_at, returned_count, reopened_count)
      SELECT bench_uuid(${k} || 't' || n), bench_uuid(${k} || 'c' || ((u - 1) / ${p.unitsPerCommittee}::int + 1)),
        bench_uuid(${k} || 'u' || u), bench_uuid(${k} || 'i' || u), bench_uuid(${k} || 'f' || (f + 1)),
        n - (f * ${ctx.tasks}::bigint + ${ctx.findings}::bigint - 1) / ${ctx.findings}::bigint + 1,
        bench_pick('{清退违规发放的津补贴,修订招标管理办法,开展专题警示教育,补齐党支部组织生活台账,追责问责相关责任人}', r)
          || '（任务' || n || '）',
        '制定整改方案，明确责任领导、责任部门和完成时限，逐项对账销号，建立长效机制（压测数据）。',
        '副局长' || (1 + r % 5), bench_pick('{办公室,计划财务科,人事科,政策法规科,纪检组}', r / 5),
        bench_uuid(${k} || 'o' || ((u - 1) * ${p.ownersPerUnit}::int + n % ${p.ownersPerUnit}::int + 1)),
        due, st, (r / 73060) % 20 = 0, (due - 120)::timestamptz, (due - 120 + ((r / 1000) % 150)::int)::timestamptz,
        -- issue 6 counters for the progress dashboard: about a quarter of closings late, one task in nine
        -- returned (some twice), one open task in forty reopened after a 反弹
        CASE WHEN st = 'closed' THEN (due - 25 + ((r / 7) % 35)::int)::timestamptz END,
        CASE WHEN (r / 11) % 9 = 0 THEN 1 + ((r / 13) % 2)::int ELSE 0 END,
        CASE WHEN st IN ('in_progress', 'submitted') AND (r / 17) % 40 = 0 THEN 1 ELSE 0 END
      FROM generate_series(${lo - 1}::bigint, ${hi - 1}::bigint) n,
        LATERAL (SELECT n * ${ctx.findings}::bigint / ${ctx.tasks}::bigint AS f, bench_rand(${k} || 't' || n) AS r) x,
        LATERAL (SELECT x.f / ${p.findingsPerUnit}::int + 1 AS u,
          ${ctx.today}::date - 2922 + (x.r % 3653)::int AS due) y,
        LATERAL (SELECT bench_pick(CASE WHEN y.due < ${ctx.today}::date THEN ${past}::text[] ELSE ${future}::text[] END,
          x.r / 3653) AS st) z`,
  );
  // A few evidence rows (about 1 in 16 first tasks that reached submitted/closed), so evidenceCount is not always 0.
  await sql`INSERT INTO evidence (id, task_id, kind, description, uploaded_by, at)
    SELECT bench_uuid(${k} || 'e' || t.id), t.id, 'document', '整改佐证材料（压测数据）', t.owner_user_id, t.updated_at
    FROM task t WHERE t.seq = 1 AND t.status IN ('submitted', 'closed') AND right(t.id::text, 1) = '0'`.execute(ctx.db);
}

/** Table → the name its row count has in the report. */
const COUNTED_TABLES = {
  committee: 'committees',
  org_unit: 'units',
  app_user: 'users',
  user_role: 'grants',
  round: 'rounds',
  inspection: 'inspections',
  finding: 'findings',
  task: 'tasks',
  // filled by the task trigger (0010): in a live system autovacuum would have analysed it by now
  task_unit_summary: 'unit_summaries',
  evidence: 'evidence',
  team_member: 'team_members',
  fieldwork_record: 'fieldwork_records',
  handover: 'handovers',
  handover_person: 'handover_persons',
} as const;

export async function generate(
  db: Db,
  p: BenchParams,
  plan: { units: number; findings: number; tasks: number },
  today: string,
  passwordHash: string,
  log: (line: string) => void,
) {
  const ctx: Ctx = { db, p, k: sql.lit(`${p.seed}:`), today, ...plan, log };
  for (const fn of FUNCTIONS) await sql.raw(fn).execute(db);
  await organisation(ctx, passwordHash);
  log('  committees, units, users, grants done');
  await inspections(ctx);
  await findings(ctx);
  await tasks(ctx);
  await fieldwork(ctx);
  await handovers(ctx);
  await outcomeEvidence(ctx);
  log('  teams, fieldwork records, handovers and outcome evidence done');
  for (const fn of ['bench_pick(text[], bigint)', 'bench_rand(text)', 'bench_uuid(text)'])
    await sql.raw(`DROP FUNCTION ${fn}`).execute(db);
}

/**
 * VACUUM too, not only ANALYZE: in a live system autovacuum would have set the visibility map. Then a
 * CHECKPOINT, so the checkpointer is not still writing out the freshly loaded gigabyte while we measure.
 * Returns a note when the checkpoint was not allowed (it needs superuser or pg_checkpoint).
 */
export async function settle(db: Db): Promise<string | null> {
  for (const table of Object.keys(COUNTED_TABLES)) await sql.raw(`VACUUM (ANALYZE) ${table}`).execute(db);
  try {
    await sql`CHECKPOINT`.execute(db);
    return null;
  } catch (error) {
    return `CHECKPOINT after loading failed (${error instanceof Error ? error.message : String(error)}): the first measurements may include checkpoint I/O.`;
  }
}

export async function countRows(db: Db): Promise<Record<string, number>> {
  const parts = Object.entries(COUNTED_TABLES).map(
    ([table, name]) => `SELECT '${name}' AS t, count(*) AS n FROM ${table}`,
  );
  const result = await sql<{ t: string; n: number }>`${sql.raw(parts.join(' UNION ALL '))}`.execute(db);
  const byName = new Map(result.rows.map((r) => [r.t, Number(r.n)]));
  return Object.fromEntries(Object.values(COUNTED_TABLES).map((name) => [name, byName.get(name) ?? 0]));
}
