// One earlier case's history after its tasks (demo-rectification-past.ts): the 整改方案 versions and events,
// the monthly progress reports, the 整改报告 and 履职报告, the evaluation and 见底清零, each step only when its
// day has come: it fills the rows to insert and returns what to update; then everything is written in a few
// multi-row statements.
import { addTimeLimit, DEFAULT_TIME_LIMITS, type PlanSnapshotFinding } from '@xuncha/contracts';
import { type Insertable, sql } from 'kysely';
import type { Tx } from '../platform/db.ts';
import type { DB } from '../platform/schema.ts';
import { addDays } from './demo.ts';
import type { DistrictContext } from './demo-district.ts';
import { at } from './demo-fieldwork-write.ts';
import * as text from './demo-rectification-past-data.ts';

export type Rows = {
  app_user: Insertable<DB['app_user']>[];
  user_role: Insertable<DB['user_role']>[];
  finding: Insertable<DB['finding']>[];
  task: Insertable<DB['task']>[];
  task_event: Insertable<DB['task_event']>[];
  rectification_plan_version: Insertable<DB['rectification_plan_version']>[];
  rectification_plan_event: Insertable<DB['rectification_plan_event']>[];
  rectification_report: Insertable<DB['rectification_report']>[];
  rectification_evaluation: Insertable<DB['rectification_evaluation']>[];
};

export interface PastCase {
  id: string;
  planId: string;
  inspectionId: string;
  unitId: string;
  committeeId: string;
  unitName: string;
  village: boolean;
  teamName: string;
  feedbackDate: string;
  phase: string;
}

export interface CaseTask {
  id: string;
  findingId: string;
  title: string;
  measures: string;
  leader: string;
  department: string;
  ownerName: string;
  dueDate: string;
  status: string;
  /** the day it was verified, when closed */
  closedOn: string | null;
}

export interface CaseFinding {
  id: string;
  seq: number;
  title: string;
  isNew: boolean;
}

export interface CaseUpdates {
  plan: { id: string; version: number; returned: number; on: string };
  signOff: { id: string; on: string } | null;
  /** findings whose tasks are all (done) or partly (basically_done) closed */
  completion: { id: string; completion: 'done' | 'basically_done'; inPeriod: boolean | null }[];
}

interface CaseInput {
  c: PastCase;
  k: number;
  findings: CaseFinding[];
  tasks: CaseTask[];
  liaison: { id: string; name: string };
  openHandovers: number;
}

function planSteps(rows: Rows, ctx: DistrictContext, input: CaseInput) {
  const { c, k, findings, tasks, liaison } = input;
  const office = ctx.ids.users.office as string;
  const fb = c.feedbackDate;
  const lists: PlanSnapshotFinding[] = findings.map((f) => ({
    findingId: f.id,
    seq: f.seq,
    findingTitle: f.title,
    tasks: tasks
      .filter((t) => t.findingId === f.id)
      .map((t) => ({
        taskId: t.id,
        title: t.title,
        measures: t.measures,
        responsibleLeader: t.leader,
        responsibleDepartment: t.department,
        ownerName: t.ownerName,
        dueDate: t.dueDate,
      })),
  }));
  const content = text.planText(
    c.unitName,
    c.village,
    c.teamName,
    liaison.name,
    lists.map((f) => ({
      seq: f.seq,
      title: f.findingTitle,
      tasks: f.tasks.map((t) => ({ title: t.title, department: t.responsibleDepartment, dueDate: t.dueDate })),
    })),
  );
  // one plan in four was returned once (退回重来) before it was approved
  const returned = k % 4 === 1;
  const version = (v: number, on: string, note: string) => {
    rows.rectification_plan_version.push({
      plan_id: c.planId,
      version: v,
      // the returned first draft named no departments and deadlines
      content: v === 1 && returned ? content.replace(/（[^（）]*负责，[^（）]*前完成）/g, '') : content,
      lists_snapshot: JSON.stringify(lists),
      note,
      created_by: liaison.id,
      created_at: at(on),
    });
  };
  const event = (
    e: string,
    from: string,
    to: string,
    v: number,
    on: string,
    extra: { review?: unknown; comment?: string } = {},
  ) =>
    rows.rectification_plan_event.push({
      plan_id: c.planId,
      event: e,
      from_status: from,
      to_status: to,
      version: v,
      review: extra.review === undefined ? null : JSON.stringify(extra.review),
      comment: extra.comment ?? null,
      actor_id: e === 'approve' || e === 'return' ? office : liaison.id,
      at: at(on),
    });
  version(1, addDays(fb, 11), '初稿');
  event('write', 'draft', 'draft', 1, addDays(fb, 11));
  event('submit', 'draft', 'submitted', 1, addDays(fb, 12));
  let approvedOn = addDays(fb, 16);
  let v = 1;
  if (returned) {
    event('return', 'submitted', 'returned', 1, addDays(fb, 14), {
      review: text.PAST_RETURN_REVIEW,
      comment: text.PAST_RETURN_REASONS,
    });
    version(2, addDays(fb, 17), '按审核意见逐条细化措施');
    event('write', 'returned', 'returned', 2, addDays(fb, 17));
    event('submit', 'returned', 'submitted', 2, addDays(fb, 18));
    approvedOn = addDays(fb, 21);
    v = 2;
  }
  event('approve', 'submitted', 'approved', v, approvedOn, {
    review: text.PAST_APPROVE_REVIEW,
    comment: text.PAST_APPROVE_COMMENT,
  });
  return { id: c.planId, version: v, returned: returned ? 1 : 0, on: approvedOn };
}

function completionOf(input: CaseInput) {
  const periodEnd = addTimeLimit(input.c.feedbackDate, DEFAULT_TIME_LIMITS.rectification_period);
  const result: CaseUpdates['completion'] = [];
  for (const f of input.findings) {
    const own = input.tasks.filter((t) => t.findingId === f.id);
    const closed = own.filter((t) => t.closedOn !== null);
    if (closed.length === 0) continue;
    const all = closed.length === own.length;
    const last = closed
      .map((t) => t.closedOn as string)
      .sort()
      .at(-1) as string;
    result.push({ id: f.id, completion: all ? 'done' : 'basically_done', inPeriod: all ? last <= periodEnd : null });
  }
  return result;
}

export function caseHistory(rows: Rows, ctx: DistrictContext, input: CaseInput): CaseUpdates {
  const { c, k, tasks, liaison } = input;
  const plan = planSteps(rows, ctx, input);
  const report = (kind: string, on: string, body: { title: string; content: string }, period: string | null = null) =>
    rows.rectification_report.push({
      rectification_id: c.id,
      committee_id: c.committeeId,
      unit_id: c.unitId,
      kind,
      period,
      ...body,
      submitted_by: liaison.id,
      submitted_at: at(on),
    });
  const closedDays = tasks.map((t) => t.closedOn).filter((d): d is string => d !== null);
  const allClosed = tasks.length > 0 && closedDays.length === tasks.length;
  const lastClosed = closedDays.sort().at(-1) ?? null;
  // monthly 整改进展报告 during the 集中整改期, until the work is done
  const periods = new Set<string>();
  for (let m = 1; m <= 3; m += 1) {
    const on = addDays(c.feedbackDate, 30 * m);
    const period = on.slice(0, 7);
    if (on > ctx.today || (allClosed && lastClosed !== null && on > lastClosed) || periods.has(period)) continue;
    periods.add(period);
    const done = tasks.filter((t) => t.closedOn !== null && t.closedOn <= on).length;
    report('progress', on, text.progressReport(c.unitName, done, tasks.length), period);
  }
  const reportOn = lastClosed === null ? null : [addDays(lastClosed, 3), addDays(c.feedbackDate, 62)].sort().at(-1);
  if (!allClosed || !reportOn || reportOn > ctx.today) return { plan, signOff: null, completion: completionOf(input) };
  report('rectification', reportOn, text.rectificationReport(c.unitName, input.findings.length, tasks.length));
  report('duty', reportOn, text.dutyReport(c.unitName));
  const evaluatedOn = addDays(reportOn, 20);
  if (c.phase === 'rectifying' || evaluatedOn > ctx.today)
    return { plan, signOff: null, completion: completionOf(input) };
  const result = k % 3 === 2 ? 'basic_pass' : 'pass';
  rows.rectification_evaluation.push({
    rectification_id: c.id,
    committee_id: c.committeeId,
    result,
    comment: text.EVALUATION_COMMENT[result],
    remedial_due: null,
    evaluated_by: ctx.ids.users.office as string,
    evaluated_at: at(evaluatedOn),
  });
  // 见底清零 once archived; an inspection still being evaluated is left ready for the office to sign off
  const signedOn = addDays(evaluatedOn, 10);
  const signOff =
    c.phase === 'archived' && input.openHandovers === 0 && signedOn <= ctx.today ? { id: c.id, on: signedOn } : null;
  return { plan, signOff, completion: completionOf(input) };
}

export async function insertAll(tx: Tx, rows: Rows) {
  for (const table of Object.keys(rows) as (keyof Rows)[]) {
    const all = rows[table];
    for (let i = 0; i < all.length; i += 300) {
      // each table's rows match its own Insertable type; the loop over table names cannot say so
      await tx
        .insertInto(table)
        .values(all.slice(i, i + 300) as never)
        .execute();
    }
  }
}

/** The updates of every case in three statements (UPDATE … FROM VALUES), not one per row. */
export async function applyUpdates(tx: Tx, ctx: DistrictContext, updates: CaseUpdates[]) {
  const office = ctx.ids.users.office as string;
  const plans = updates.map((u) => u.plan);
  if (plans.length)
    await sql`UPDATE rectification_plan p SET status = 'approved', current_version = v.version,
        submitted_version = v.version, returned_count = v.returned, updated_at = v.at
      FROM (VALUES ${sql.join(plans.map((p) => sql`(${p.id}::uuid, ${p.version}::int, ${p.returned}::int, ${at(p.on)}::timestamptz)`))})
        AS v(id, version, returned, at)
      WHERE p.id = v.id`.execute(tx);
  const signOffs = updates.flatMap((u) => (u.signOff ? [u.signOff] : []));
  if (signOffs.length)
    await sql`UPDATE rectification r SET status = 'signed_off', signed_off_by = ${office}, signed_off_at = v.at,
        sign_off_comment = ${text.SIGN_OFF_COMMENT}
      FROM (VALUES ${sql.join(signOffs.map((s) => sql`(${s.id}::uuid, ${at(s.on)}::timestamptz)`))}) AS v(id, at)
      WHERE r.id = v.id AND r.status = 'rectifying'`.execute(tx);
  const completion = updates.flatMap((u) => u.completion);
  if (completion.length)
    await sql`UPDATE finding f SET completion = v.completion, done_in_period = v.in_period
      FROM (VALUES ${sql.join(completion.map((c) => sql`(${c.id}::uuid, ${c.completion}, ${c.inPeriod}::boolean)`))})
        AS v(id, completion, in_period)
      WHERE f.id = v.id`.execute(tx);
}
