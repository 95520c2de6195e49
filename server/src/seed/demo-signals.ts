// 整改不实 in the demo district (issue 9 §4), on the rectification cases the earlier steps wrote:
// - the evidence the past cases' closed tasks would carry (a 整改落实情况报告 each), except where a signal is meant;
// - 突击销号: the past case with the most closed tasks closes them all on the day before its 集中整改期 ends, with
//   one photo each (so they are thin as well);
// - 佐证单薄: one closed task of another case has no evidence at all;
// - 回访反弹: a 回访 of a still-rectifying case finds one closed task 反弹 and reopens it (history kept);
// then the office's first scan, so the page opens with the signals listed.
import { addTimeLimit, DEFAULT_TIME_LIMITS } from '@xuncha/contracts';
import { sql } from 'kysely';
import { scanCommittee } from '../modules/rectification-signal/signal.scan.repository.ts';
import type { Tx } from '../platform/db.ts';
import { addDays } from './demo.ts';
import type { DistrictContext } from './demo-district.ts';
import { at } from './demo-fieldwork-write.ts';

interface CaseRow {
  id: string;
  inspectionId: string;
  unitId: string;
  status: string;
  feedbackDate: string;
  closed: number;
  tasks: number;
}

async function pastCases(tx: Tx, ctx: DistrictContext): Promise<CaseRow[]> {
  const { rows } = await sql<CaseRow>`
    SELECT rc.id, rc.inspection_id AS "inspectionId", rc.unit_id AS "unitId", rc.status,
      rc.feedback_date AS "feedbackDate", (count(t.id) FILTER (WHERE t.status = 'closed'))::int AS closed,
      count(t.id)::int AS tasks
    FROM rectification rc
    JOIN org_unit u ON u.id = rc.unit_id
    JOIN task t ON t.inspection_id = rc.inspection_id
    WHERE rc.committee_id = ${ctx.ids.committeeId} AND rc.inspection_id <> ${ctx.ids.zhujianInspectionId}
    GROUP BY rc.id, u.name
    ORDER BY closed DESC, u.name`.execute(tx);
  return rows;
}

const closedTasks = (tx: Tx, inspectionId: string) =>
  tx
    .selectFrom('task')
    .select(['id', 'title', 'finding_id as findingId', 'owner_user_id as ownerId'])
    .where('inspection_id', '=', inspectionId)
    .where('status', '=', 'closed')
    .orderBy('seq')
    .execute();

/** All closed on the day before the 集中整改期 ends, 申请销号 that morning, one photo each. */
async function bulkClose(tx: Tx, c: CaseRow): Promise<string[]> {
  const periodEnd = addTimeLimit(c.feedbackDate, DEFAULT_TIME_LIMITS.rectification_period);
  const day = addDays(periodEnd, -1);
  const tasks = await closedTasks(tx, c.inspectionId);
  for (const [i, t] of tasks.entries()) {
    // 07:10 UTC and later: the afternoon of the same Shanghai day
    const closedAt = `${day}T07:${String(10 + i * 4).padStart(2, '0')}:00Z`;
    const submittedAt = `${day}T01:${String(10 + i * 3).padStart(2, '0')}:00Z`;
    await tx.updateTable('task').set({ closed_at: closedAt, updated_at: closedAt }).where('id', '=', t.id).execute();
    await tx
      .updateTable('task_event')
      .set({ at: closedAt })
      .where('task_id', '=', t.id)
      .where('event', '=', 'verify')
      .execute();
    await tx
      .updateTable('task_event')
      .set({ at: submittedAt })
      .where('task_id', '=', t.id)
      .where('event', '=', 'submit')
      .execute();
    await tx
      .insertInto('evidence')
      .values({
        task_id: t.id,
        kind: 'photo',
        description: '整改后现场照片',
        file_name: `IMG_${day.replaceAll('-', '')}_${String(i + 1).padStart(3, '0')}.jpg`,
        mime: 'image/jpeg',
        size: 150_000 + i * 7_000,
        uploaded_by: t.ownerId,
        at: submittedAt,
      })
      .execute();
  }
  return tasks.map((t) => t.id);
}

/** A 回访 twenty days ago found the first closed task 反弹: the task is reopened, its finding no longer done. */
async function rebound(tx: Tx, ctx: DistrictContext, c: CaseRow): Promise<void> {
  const [task] = await closedTasks(tx, c.inspectionId);
  if (!task) return;
  const office = ctx.ids.users.office as string;
  const visitedOn = addDays(ctx.today, -20);
  const visit = await tx
    .insertInto('revisit')
    .values({
      committee_id: ctx.ids.committeeId,
      rectification_id: c.id,
      unit_id: c.unitId,
      kind: 'revisit',
      planned_on: visitedOn,
      status: 'done',
      conducted_on: visitedOn,
      summary: '回访发现个别问题出现反弹，已责成重新整改。',
      created_by: office,
      created_at: at(addDays(visitedOn, -14)),
      updated_at: at(visitedOn),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const note = `回访抽查发现“${task.title}”相关问题再次出现，整改措施未形成长效机制`;
  await tx
    .insertInto('revisit_outcome')
    .values({
      revisit_id: visit.id,
      task_id: task.id,
      outcome: 'rebound',
      note,
      reopened: true,
      recorded_by: office,
      at: at(visitedOn),
    })
    .execute();
  await tx
    .updateTable('task')
    .set((eb) => ({
      status: 'in_progress',
      closed_at: null,
      // 重新整改 comes with a new deadline, a month from the visit
      due_date: addDays(visitedOn, 30),
      reopened_count: eb('reopened_count', '+', 1),
      updated_at: at(visitedOn),
    }))
    .where('id', '=', task.id)
    .execute();
  await tx
    .insertInto('task_event')
    .values({
      task_id: task.id,
      event: 'reopen',
      from_status: 'closed',
      to_status: 'in_progress',
      actor_id: office,
      reason: `回访发现反弹：${note}`,
      at: at(visitedOn),
    })
    .execute();
  await tx
    .updateTable('finding')
    .set({ completion: 'basically_done' })
    .where('id', '=', task.findingId)
    .where('completion', '=', 'done')
    .execute();
}

/**
 * The evidence a verified task would carry, for every closed task without any (except those meant to be
 * flagged): a 整改落实情况报告 two days before its first 申请销号, plus the 制度 of a 制度缺失 finding and the
 * money recovered for a 廉洁纪律 one.
 */
async function backfillEvidence(tx: Tx, ctx: DistrictContext, except: string[]): Promise<void> {
  const bare = sql`SELECT t.id, t.owner_user_id, f.major_problem, f.discipline,
      coalesce((SELECT min(e.at) FROM task_event e WHERE e.task_id = t.id AND e.event = 'submit'),
        t.closed_at, t.updated_at) - interval '2 days' AS at
    FROM task t JOIN finding f ON f.id = t.finding_id
    WHERE t.committee_id = ${ctx.ids.committeeId} AND t.status IN ('closed', 'partly_closed')
      AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.task_id = t.id)
      AND NOT (t.id = ANY(${sql.val(except)}::uuid[]))`;
  await sql`
    WITH bare AS MATERIALIZED (${bare}),
    reports AS (
      INSERT INTO evidence (task_id, kind, description, file_name, mime, size, uploaded_by, at)
      SELECT id, 'document', '整改落实情况报告及相关台账、会议记录', '整改落实情况报告.pdf', 'application/pdf',
        400000 + abs(hashtext(id::text)) % 1600000, owner_user_id, at FROM bare
    ),
    institutions AS (
      INSERT INTO evidence (task_id, kind, description, institution_name, institution_doc_no, institution_date,
        uploaded_by, at)
      SELECT id, 'institution', '印发整改制度的通知', '关于进一步规范内部管理的若干规定',
        '〔' || extract(year FROM at)::int || '〕' || (abs(hashtext(id::text)) % 40 + 1) || '号',
        (at AT TIME ZONE 'Asia/Shanghai')::date, owner_user_id, at FROM bare WHERE major_problem = 'building_missing'
    )
    INSERT INTO evidence (task_id, kind, description, amount, uploaded_by, at)
    SELECT id, 'money', '违规资金已全部退缴，附缴款凭证', 1000 + abs(hashtext(id::text)) % 90000, owner_user_id, at
    FROM bare WHERE discipline = 'integrity'`.execute(tx);
}

export async function seedDemoSignals(tx: Tx, context: DistrictContext): Promise<void> {
  const cases = await pastCases(tx, context);
  const periodOver = (c: CaseRow) =>
    addTimeLimit(c.feedbackDate, DEFAULT_TIME_LIMITS.rectification_period) < context.today;
  const bulkCase = cases.find((c) => periodOver(c) && c.closed >= 3 && c.closed * 2 >= c.tasks);
  const reboundCase = cases.find((c) => c !== bulkCase && c.status === 'rectifying' && c.closed >= 2);
  const thinCase = cases.find((c) => c !== bulkCase && c !== reboundCase && c.closed >= 2);
  const except = bulkCase ? await bulkClose(tx, bulkCase) : [];
  const [bare] = thinCase ? await closedTasks(tx, thinCase.inspectionId) : [];
  if (bare) except.push(bare.id);
  await backfillEvidence(tx, context, except);
  if (reboundCase) await rebound(tx, context, reboundCase);
  await scanCommittee(tx, context.ids.committeeId, null, at(context.today));
}
