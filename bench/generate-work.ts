// Generator rows for the analytics of issue 9 (统计分析): teams and their members, fieldwork records, clues,
// handovers with results and persons (四种形态), and evidence with amounts and 制度. Same scheme as
// generate.ts: INSERT … SELECT over generate_series, every id and attribute from md5(seed:kind:n).
import { sql } from 'kysely';
import type { GenerateCtx as Ctx } from './generate.ts';

const CADRES_PER_COMMITTEE = 60;
const TEAMS_PER_ROUND = 8;
const MEMBERS_PER_TEAM = 5;

/** Eight teams per committee and round (the inspections' 第N巡察组), five cadres each from a pool of 60. */
export async function teams(ctx: Ctx) {
  const { db, k, p } = ctx;
  await sql`INSERT INTO team (id, committee_id, round_id, name)
    SELECT bench_uuid(${k} || 'tm' || c || '.' || y || '.' || t), bench_uuid(${k} || 'c' || c),
      bench_uuid(${k} || 'r' || c || '.' || y), '第' || t || '巡察组'
    FROM generate_series(1, ${p.committees}::int) c, generate_series(0, 9) y,
      generate_series(1, ${TEAMS_PER_ROUND}::int) t`.execute(db);
  await sql`INSERT INTO cadre (id, committee_id, name, home_unit_name, post, skills)
    SELECT bench_uuid(${k} || 'cd' || c || '.' || n), bench_uuid(${k} || 'c' || c), '巡察干部' || c || '-' || n,
      bench_pick('{区纪委监委,区委组织部,区审计局,区财政局,区委巡察办}', bench_rand(${k} || 'cd' || c || '.' || n)),
      '干部', '{}'
    FROM generate_series(1, ${p.committees}::int) c, generate_series(1, ${CADRES_PER_COMMITTEE}::int) n`.execute(db);
  // member m of team t in round y: five consecutive cadres of the pool, so no cadre is twice in one team
  await sql`INSERT INTO team_member (team_id, cadre_id, post)
    SELECT bench_uuid(${k} || 'tm' || c || '.' || y || '.' || t),
      bench_uuid(${k} || 'cd' || c || '.' || (((y * ${TEAMS_PER_ROUND}::int + t) * 7 + m) % ${CADRES_PER_COMMITTEE}::int + 1)),
      CASE m WHEN 0 THEN 'leader' WHEN 1 THEN 'deputy_leader' WHEN 4 THEN 'liaison' ELSE 'member' END
    FROM generate_series(1, ${p.committees}::int) c, generate_series(0, 9) y,
      generate_series(1, ${TEAMS_PER_ROUND}::int) t, generate_series(0, ${MEMBERS_PER_TEAM - 1}::int) m`.execute(db);
}

/** Three 座谈会/调阅/走访 records per inspection, on its first days. */
export async function fieldwork(ctx: Ctx) {
  const { db, k } = ctx;
  await sql`INSERT INTO fieldwork_record (id, committee_id, inspection_id, unit_id, seq, kind, title, occurred_on,
      sensitive, summary, created_by)
    SELECT bench_uuid(${k} || 'fw' || i.id || n), i.committee_id, i.id, i.unit_id, n,
      (ARRAY['meeting', 'document_review', 'visit'])[n], '了解情况记录（压测数据）' || n, i.start_date + n, false,
      '纪要（压测数据）', bench_uuid(${k} || 'office')
    FROM inspection i, generate_series(1, 3) n`.execute(db);
}

/**
 * One handover per unit: u % 3 = 0 a clue to 纪委监委 (3 months), 1 a 选人用人 problem to 组织部, 2 another problem
 * to the competent department (1 month). About 70 % have a result, some after the due date; the rest are
 * handling (overdue or not). Clue results name one or two persons by 形态.
 */
export async function handovers(ctx: Ctx) {
  const { db, k, p } = ctx;
  await sql`INSERT INTO clue (id, committee_id, inspection_id, round_id, unit_id, seq, category, source,
      received_on, content_sealed, registered_by)
    SELECT bench_uuid(${k} || 'cl' || u), i.committee_id, i.id, i.round_id, i.unit_id, u, 'integrity', 'interview',
      i.start_date + 5, 'sealed (bench)', bench_uuid(${k} || 'office')
    FROM generate_series(3, ${ctx.units}::int, 3) u JOIN inspection i ON i.id = bench_uuid(${k} || 'i' || u)`.execute(
    db,
  );
  await sql`INSERT INTO handover (id, committee_id, inspection_id, unit_id, year, seq, kind, clue_id, finding_id,
      recipient, recipient_unit_id, recipient_name, status, sent_on, due_date, sent_by, result_sealed, concluded_on,
      disposition)
    SELECT bench_uuid(${k} || 'h' || u), i.committee_id, i.id, i.unit_id, extract(year FROM sent)::int, u, kind,
      CASE WHEN kind = 'clue' THEN bench_uuid(${k} || 'cl' || u) END,
      CASE WHEN kind <> 'clue' THEN bench_uuid(${k} || 'f' || ((u - 1) * ${p.findingsPerUnit}::int + 1)) END,
      recipient, CASE WHEN recipient = 'department' THEN i.unit_id END,
      CASE recipient WHEN 'discipline' THEN '区纪委监委' WHEN 'organization' THEN '区委组织部' ELSE '区财政局' END,
      CASE WHEN done IS NULL THEN 'handling' ELSE 'concluded' END, sent, due, bench_uuid(${k} || 'office'),
      CASE WHEN done IS NOT NULL THEN 'sealed (bench)' END, done,
      CASE WHEN done IS NOT NULL AND kind = 'clue' THEN '了结' END
    FROM generate_series(1, ${ctx.units}::int) u JOIN inspection i ON i.id = bench_uuid(${k} || 'i' || u),
      LATERAL (SELECT bench_rand(${k} || 'h' || u) AS r, i.end_date + 10 AS sent,
        (ARRAY['clue', 'cadre', 'other'])[u % 3 + 1] AS kind, (ARRAY['discipline', 'organization', 'department'])[u % 3 + 1]
          AS recipient) x,
      LATERAL (SELECT x.sent + CASE WHEN x.kind = 'clue' THEN 90 ELSE 30 END AS due,
        CASE WHEN x.r % 10 < 7 AND x.sent + (x.r / 10 % 120)::int <= ${ctx.today}::date
          THEN x.sent + (x.r / 10 % 120)::int END AS done) y`.execute(db);
  await sql`INSERT INTO handover_person (handover_id, seq, form, decided_on)
    SELECT h.id, n, (1 + bench_rand(${k} || 'hp' || h.id || n) % 4)::text, h.concluded_on
    FROM handover h, generate_series(1, 2) n
    WHERE h.kind = 'clue' AND h.concluded_on IS NOT NULL AND (n = 1 OR right(h.id::text, 1) < '8')`.execute(db);
}

/** Money recovered on about 1 in 16 closed first tasks, a 制度 on another 1 in 16. */
export async function outcomeEvidence(ctx: Ctx) {
  const { db, k } = ctx;
  await sql`INSERT INTO evidence (id, task_id, kind, description, amount, institution_name, institution_doc_no,
      institution_date, uploaded_by, at)
    SELECT bench_uuid(${k} || 'ev' || t.id), t.id, CASE WHEN right(t.id::text, 1) = '1' THEN 'money' ELSE 'institution' END,
      '整改成果（压测数据）',
      CASE WHEN right(t.id::text, 1) = '1' THEN (bench_rand(${k} || 'ev' || t.id) % 500000) / 100.0 END,
      CASE WHEN right(t.id::text, 1) = '2' THEN '关于加强资金管理的若干规定' END,
      CASE WHEN right(t.id::text, 1) = '2' THEN '〔2024〕' || t.seq || '号' END,
      CASE WHEN right(t.id::text, 1) = '2' THEN (t.updated_at AT TIME ZONE 'Asia/Shanghai')::date END,
      t.owner_user_id, t.updated_at
    FROM task t WHERE t.seq = 1 AND t.status = 'closed' AND right(t.id::text, 1) IN ('1', '2')`.execute(db);
}
