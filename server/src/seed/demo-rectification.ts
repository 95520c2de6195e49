// The demo's rectification of 区住建局 (issue 6), on top of the core demo's tasks (demo-tasks.ts): the 整改方案
// returned once and then approved (versions and review kept), a task closed with a 制度 as evidence, a long-term
// task 阶段性完成 with its next checkpoint, a 督办单 on the overdue task (answered), a 回访 planned, a 问责
// proposal, a monthly progress report and a public summary. Raw inserts with the statuses and event names of
// statuses.ts, so the demo does not depend on the services' code paths.
import { sql } from 'kysely';
import type { Tx } from '../platform/db.ts';
import { addDays } from './demo.ts';
import type { DistrictContext } from './demo-district.ts';
import { seedSupervisionAndAfter } from './demo-rectification-after.ts';
import * as text from './demo-rectification-data.ts';
import { seedPastRectification } from './demo-rectification-past.ts';

/** 02:00 UTC (10:00 in Shanghai) on the day `days` from today. */
const at = (today: string, days: number) => `${addDays(today, days)}T02:00:00.000Z`;

async function seedPlan(tx: Tx, ctx: DistrictContext) {
  const { ids, today } = ctx;
  const plan = await tx
    .selectFrom('rectification_plan')
    .select(['id', 'status', 'current_version'])
    .where('inspection_id', '=', ids.zhujianInspectionId)
    .executeTakeFirstOrThrow();
  // another seed step (or a service) already wrote it: leave it alone
  if (plan.status !== 'draft' || plan.current_version !== 0) return;
  const lianluo = ids.users.lianluo as string;
  const danwei = ids.users.danwei as string;
  const office = ids.users.office as string;
  for (const [version, content, note, day] of [
    [1, text.PLAN_V1, '初稿', -95],
    [2, text.PLAN_V2, '按巡察办审核意见逐条细化', -86],
  ] as const) {
    await tx
      .insertInto('rectification_plan_version')
      .values({ plan_id: plan.id, version, content, note, created_by: lianluo, created_at: at(today, day) })
      .execute();
  }
  const events = [
    { event: 'write', from: 'draft', to: 'draft', version: 1, actor: lianluo, day: -95 },
    { event: 'submit', from: 'draft', to: 'submitted', version: 1, actor: danwei, day: -94 },
    {
      event: 'return',
      from: 'submitted',
      to: 'returned',
      version: 1,
      actor: office,
      day: -91,
      review: text.PLAN_RETURN_REVIEW,
      comment: text.PLAN_RETURN_REASONS,
    },
    { event: 'write', from: 'returned', to: 'returned', version: 2, actor: lianluo, day: -86 },
    { event: 'submit', from: 'returned', to: 'submitted', version: 2, actor: danwei, day: -86 },
    {
      event: 'approve',
      from: 'submitted',
      to: 'approved',
      version: 2,
      actor: office,
      day: -84,
      review: text.PLAN_APPROVE_REVIEW,
      comment: '同意该整改方案，请严格按照三张清单抓好落实。',
    },
  ];
  for (const e of events) {
    await tx
      .insertInto('rectification_plan_event')
      .values({
        plan_id: plan.id,
        event: e.event,
        from_status: e.from,
        to_status: e.to,
        version: e.version,
        review: e.review ? JSON.stringify(e.review) : null,
        comment: e.comment ?? null,
        actor_id: e.actor,
        at: at(today, e.day),
      })
      .execute();
  }
  await tx
    .updateTable('rectification_plan')
    .set({
      status: 'approved',
      current_version: 2,
      submitted_version: 2,
      returned_count: 1,
      updated_at: at(today, -84),
    })
    .where('id', '=', plan.id)
    .execute();
}

interface NewTask {
  finding: string;
  owner: string;
  title: string;
  measures: string;
  department: string;
  due: number;
  longTerm: boolean;
  steps: { event: string; to: string; by: string; day: number; reason?: string; details?: unknown }[];
}

async function insertTask(tx: Tx, ctx: DistrictContext, task: NewTask) {
  const { ids, today } = ctx;
  const findingId = ids.findings[task.finding] as string;
  const status = task.steps.at(-1)?.to ?? 'open';
  const closed = task.steps.find((s) => s.event === 'verify');
  const created = await tx
    .insertInto('task')
    .values({
      committee_id: ids.committeeId,
      unit_id: ids.units.zhujian as string,
      inspection_id: ids.zhujianInspectionId,
      finding_id: findingId,
      seq: sql<number>`(SELECT coalesce(max(seq), 0) + 1 FROM task WHERE finding_id = ${findingId})`,
      title: task.title,
      measures: task.measures,
      responsible_leader: '吴建国',
      responsible_department: task.department,
      owner_user_id: ids.users[task.owner] as string,
      due_date: addDays(today, task.due),
      status,
      long_term: task.longTerm,
      next_checkpoint: status === 'partly_closed' ? addDays(today, 60) : null,
      closed_at: closed ? at(today, closed.day) : null,
      updated_at: at(today, task.steps.at(-1)?.day ?? -80),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let from: string | null = null;
  for (const step of [{ event: 'create', to: 'open', by: 'lianluo', day: -84 }, ...task.steps] as NewTask['steps']) {
    await tx
      .insertInto('task_event')
      .values({
        task_id: created.id,
        event: step.event,
        from_status: from,
        to_status: step.to,
        actor_id: ids.users[step.by] as string,
        reason: step.reason ?? null,
        details: step.details === undefined ? null : JSON.stringify(step.details),
        at: at(today, step.day),
      })
      .execute();
    from = step.to;
  }
  return created.id;
}

async function seedTasks(tx: Tx, ctx: DistrictContext) {
  const { ids, today } = ctx;
  // the core demo's tasks, made coherent with the counters of issue 6
  await tx
    .updateTable('task')
    .set({ returned_count: 1 })
    .where('id', '=', ids.tasks.returned as string)
    .execute();
  const verified = await tx
    .selectFrom('task_event')
    .select('at')
    .where('task_id', '=', ids.tasks.closed as string)
    .where('event', '=', 'verify')
    .executeTakeFirst();
  if (verified)
    await tx
      .updateTable('task')
      .set({ closed_at: verified.at })
      .where('id', '=', ids.tasks.closed as string)
      .execute();

  const institutionTask = await insertTask(tx, ctx, {
    finding: 'f3',
    owner: 'zerenren2',
    ...text.INSTITUTION_TASK,
    due: -20,
    longTerm: false,
    steps: [
      { event: 'start', to: 'in_progress', by: 'zerenren2', day: -80 },
      { event: 'submit', to: 'submitted', by: 'zerenren2', day: -40, reason: '办法已经局党组会审议通过并印发。' },
    ],
  });
  const evidence = await tx
    .insertInto('evidence')
    .values({
      task_id: institutionTask,
      kind: 'institution',
      description: '印发《区住建局机关公务接待管理办法》的通知',
      institution_name: text.INSTITUTION_TASK.institution.name,
      institution_doc_no: text.INSTITUTION_TASK.institution.docNo,
      institution_date: addDays(today, -42),
      uploaded_by: ids.users.zerenren2 as string,
      at: at(today, -41),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const checklist = {
    checkedEvidenceIds: [evidence.id],
    items: { evidenceMatches: true, measuresDone: true, institutionBuilt: true },
  };
  await tx
    .insertInto('task_event')
    .values({
      task_id: institutionTask,
      event: 'verify',
      from_status: 'submitted',
      to_status: 'closed',
      actor_id: ids.users.office as string,
      reason: '制度已印发施行，文号核对无误，同意销号。',
      details: JSON.stringify(checklist),
      at: at(today, -35),
    })
    .execute();
  await tx
    .updateTable('task')
    .set({ status: 'closed', closed_at: at(today, -35), updated_at: at(today, -35) })
    .where('id', '=', institutionTask)
    .execute();

  await insertTask(tx, ctx, {
    finding: 'f2',
    owner: 'zerenren',
    ...text.LONG_TERM_TASK,
    due: -5,
    longTerm: true,
    steps: [
      { event: 'start', to: 'in_progress', by: 'zerenren', day: -80 },
      { event: 'submit', to: 'submitted', by: 'zerenren', day: -15, reason: '三项制度已建立，第一次季度抽查已完成。' },
      {
        event: 'verifyPartly',
        to: 'partly_closed',
        by: 'office',
        day: -10,
        reason: '制度已建立，需长期坚持，60 天后检查第二次季度抽查情况。',
        details: {
          checkedEvidenceIds: [],
          items: { evidenceMatches: true, measuresDone: true, institutionBuilt: true },
          nextCheckpoint: addDays(today, 60),
        },
      },
    ],
  });
}

export async function seedDemoRectification(tx: Tx, ctx: DistrictContext): Promise<void> {
  await seedPlan(tx, ctx);
  await seedTasks(tx, ctx);
  await seedSupervisionAndAfter(tx, ctx);
  await seedPastRectification(tx, ctx); // the district's earlier cases: approved plans, closed, signed off
}
