// The district's earlier rectification cases (issue 6): every case other than 区住建局's, left by the trigger
// with an empty 整改方案. Each gets the history it would have by now, counted from its feedback date and cut
// at today: the plan written from its findings, submitted and approved with a review (one in four returned
// once first), tasks verified and closed, monthly progress reports, the 整改报告 and 履职报告, a 合格/基本合格
// evaluation once the inspection is evaluated, and 见底清零 once it is archived with nothing left open. The
// coverage rounds' inspections (demo-planning.ts) had no findings: they get two or three, each with one task.
// The finished round's still-rectifying units keep their open tasks, with an approved plan. Raw multi-row
// inserts with the statuses and event names of statuses.ts.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../platform/db.ts';
import { addDays } from './demo.ts';
import type { DistrictContext } from './demo-district.ts';
import { at } from './demo-fieldwork-write.ts';
import { personName } from './demo-finished-round-parts.ts';
import * as text from './demo-rectification-past-data.ts';
import {
  applyUpdates,
  type CaseFinding,
  type CaseTask,
  caseHistory,
  insertAll,
  type PastCase,
  type Rows,
} from './demo-rectification-past-plan.ts';

async function loadCases(tx: Tx, ctx: DistrictContext): Promise<PastCase[]> {
  const rows = await tx
    .selectFrom('rectification as rc')
    .innerJoin('rectification_plan as p', 'p.rectification_id', 'rc.id')
    .innerJoin('inspection as i', 'i.id', 'rc.inspection_id')
    .innerJoin('org_unit as u', 'u.id', 'rc.unit_id')
    .select([
      'rc.id',
      'p.id as planId',
      'rc.inspection_id as inspectionId',
      'rc.unit_id as unitId',
      'rc.committee_id as committeeId',
      'u.name as unitName',
      'u.kind as unitKind',
      'i.team_name as teamName',
      'rc.feedback_date as feedbackDate',
      'i.phase',
    ])
    .where('rc.committee_id', '=', ctx.ids.committeeId)
    .where('rc.inspection_id', '<>', ctx.ids.zhujianInspectionId)
    .where('rc.status', '=', 'rectifying')
    // untouched only: another step (or a service) may already have written a plan
    .where('p.status', '=', 'draft')
    .where('p.current_version', '=', 0)
    // a feedback still ahead of today (the current round) has no rectification yet
    .where('rc.feedback_date', '<=', addDays(ctx.today, -25))
    .orderBy('rc.feedback_date')
    .orderBy('u.name')
    .execute();
  return rows.map(({ unitKind, ...r }) => ({
    ...r,
    village: unitKind === 'village',
    teamName: r.teamName ?? '区委巡察组',
  }));
}

/** The unit's 整改联络员, created where the unit has none (the coverage rounds' units). */
async function liaisonsOf(tx: Tx, ctx: DistrictContext, cases: PastCase[], rows: Rows) {
  const existing = await tx
    .selectFrom('user_role as r')
    .innerJoin('app_user as a', 'a.id', 'r.user_id')
    .select(['a.id', 'a.display_name as name', 'r.scope_id as unitId'])
    .where('r.role_code', '=', 'unit_liaison')
    .where('r.scope_kind', '=', 'unit')
    .where(
      'r.scope_id',
      'in',
      cases.map((c) => c.unitId),
    )
    .execute();
  const byUnit = new Map(existing.map((e) => [e.unitId as string, { id: e.id, name: e.name }]));
  // the same password as every demo login, without hashing it again
  const { password_hash } = await tx
    .selectFrom('app_user')
    .select('password_hash')
    .where('id', '=', ctx.ids.users.lianluo as string)
    .executeTakeFirstOrThrow();
  let n = 100;
  for (const c of cases) {
    if (byUnit.has(c.unitId)) continue;
    n += 1;
    const user = { id: randomUUID(), name: personName(n + 37) };
    rows.app_user.push({
      id: user.id,
      username: `zgll${n}`,
      display_name: user.name,
      password_hash,
      committee_id: c.committeeId,
      unit_id: c.unitId,
    });
    rows.user_role.push({ user_id: user.id, role_code: 'unit_liaison', scope_kind: 'unit', scope_id: c.unitId });
    byUnit.set(c.unitId, user);
  }
  return byUnit;
}

async function loadFindings(tx: Tx, cases: PastCase[]) {
  const inspectionIds = cases.map((c) => c.inspectionId);
  const [findings, tasks] = await Promise.all([
    tx
      .selectFrom('finding')
      .select(['id', 'inspection_id as inspectionId', 'seq', 'title'])
      .where('inspection_id', 'in', inspectionIds)
      .where('status', '=', 'fed_back')
      .orderBy('seq')
      .execute(),
    tx
      .selectFrom('task as t')
      .innerJoin('app_user as o', 'o.id', 't.owner_user_id')
      .select([
        't.id',
        't.inspection_id as inspectionId',
        't.finding_id as findingId',
        't.title',
        't.measures',
        't.responsible_leader as leader',
        't.responsible_department as department',
        'o.display_name as ownerName',
        't.due_date as dueDate',
        't.status',
        sql<string | null>`(SELECT min(e.at) FROM task_event e WHERE e.task_id = t.id AND e.event = 'verify')`.as(
          'verifiedAt',
        ),
      ])
      .where('t.inspection_id', 'in', inspectionIds)
      .orderBy('t.seq')
      .execute(),
  ]);
  return { findings, tasks };
}

/** Two or three findings, one task each, for an inspection that has none; verified in time unless k says late. */
function newFindings(c: PastCase, k: number, owner: { id: string; name: string }, ctx: DistrictContext, rows: Rows) {
  const templates = text.PAST_FINDINGS[c.village ? 'village' : 'unit'];
  const office = ctx.ids.users.office as string;
  const findings: CaseFinding[] = [];
  const tasks: CaseTask[] = [];
  for (let j = 0; j < 2 + (k % 2); j += 1) {
    const f = templates[(k + j * 2) % templates.length];
    if (!f) continue;
    const finding: CaseFinding = { id: randomUUID(), seq: j + 1, title: f.title, isNew: true };
    findings.push(finding);
    rows.finding.push({
      id: finding.id,
      committee_id: c.committeeId,
      inspection_id: c.inspectionId,
      unit_id: c.unitId,
      seq: finding.seq,
      title: f.title,
      facts: f.facts.replaceAll('{unit}', c.unitName).replaceAll('{n}', String(2 + ((k + j) % 6))),
      aspect: f.aspect,
      discipline: f.discipline,
      major_problem: f.majorProblem,
      focus: f.focus,
      power_type: f.powerType,
      areas: f.areas,
      is_common: false,
      eight_rules: f.eightRules,
      status: 'fed_back',
      created_by: office,
      created_at: at(addDays(c.feedbackDate, -25)),
    });
    const created = addDays(c.feedbackDate, 6);
    const due = addDays(c.feedbackDate, 50 + 10 * j);
    // one task in five is verified a week late: the on-time rate is not a flat 100 %
    const verifyOn = (k + j) % 5 === 4 ? addDays(due, 7) : addDays(due, -4);
    const steps: [string, string | null, string, string, string, string | null][] = [
      ['create', null, 'open', owner.id, created, null],
      ['start', 'open', 'in_progress', owner.id, addDays(created, 2), null],
      ['submit', 'in_progress', 'submitted', owner.id, addDays(verifyOn, -3), '整改措施已落实，佐证材料已上传。'],
      ['verify', 'submitted', 'closed', office, verifyOn, text.VERIFY_REASON],
    ].filter((s) => (s[4] as string) <= ctx.today) as typeof steps;
    const last = steps.at(-1);
    const task: CaseTask = {
      id: randomUUID(),
      findingId: finding.id,
      title: f.task.title,
      measures: f.task.measures,
      leader: personName(k + 70),
      department: f.task.department,
      ownerName: owner.name,
      dueDate: due,
      status: last?.[2] ?? 'open',
      closedOn: last?.[0] === 'verify' ? verifyOn : null,
    };
    tasks.push(task);
    rows.task.push({
      id: task.id,
      committee_id: c.committeeId,
      unit_id: c.unitId,
      inspection_id: c.inspectionId,
      finding_id: finding.id,
      seq: 1,
      title: task.title,
      measures: task.measures,
      responsible_leader: task.leader,
      responsible_department: task.department,
      owner_user_id: owner.id,
      due_date: due,
      status: task.status,
      long_term: false,
      closed_at: task.closedOn ? at(task.closedOn) : null,
      created_at: at(created),
      updated_at: at(last?.[4] ?? created),
    });
    for (const [event, from, to, actor, on, reason] of steps)
      rows.task_event.push({
        task_id: task.id,
        event,
        from_status: from,
        to_status: to,
        actor_id: actor,
        reason,
        details:
          event === 'verify'
            ? JSON.stringify({ checkedEvidenceIds: [], items: { evidenceMatches: true, measuresDone: true } })
            : null,
        at: at(on),
      });
  }
  return { findings, tasks };
}

export async function seedPastRectification(tx: Tx, ctx: DistrictContext): Promise<void> {
  const cases = await loadCases(tx, ctx);
  if (cases.length === 0) return;
  const rows: Rows = {
    app_user: [],
    user_role: [],
    finding: [],
    task: [],
    task_event: [],
    rectification_plan_version: [],
    rectification_plan_event: [],
    rectification_report: [],
    rectification_evaluation: [],
  };
  const inspectionIds = cases.map((c) => c.inspectionId);
  // the finished round closed its tasks before issue 6 counted closed_at: take it from the verification
  await sql`UPDATE task t SET closed_at = e.at FROM task_event e
    WHERE e.task_id = t.id AND e.event = 'verify' AND t.status = 'closed' AND t.closed_at IS NULL
      AND t.inspection_id IN (${sql.join(inspectionIds)})`.execute(tx);
  const [liaisons, existing, handovers] = await Promise.all([
    liaisonsOf(tx, ctx, cases, rows),
    loadFindings(tx, cases),
    tx
      .selectFrom('handover')
      .select(['inspection_id as inspectionId', sql<number>`count(*)`.as('n')])
      .where('inspection_id', 'in', inspectionIds)
      .where('status', 'in', ['sent', 'accepted', 'handling'])
      .groupBy('inspection_id')
      .execute(),
  ]);
  const openHandovers = new Map(handovers.map((h) => [h.inspectionId, Number(h.n)]));
  const updates = cases.map((c, k) => {
    const liaison = liaisons.get(c.unitId) as { id: string; name: string };
    let findings: CaseFinding[] = existing.findings
      .filter((f) => f.inspectionId === c.inspectionId)
      .map((f) => ({ id: f.id, seq: f.seq, title: f.title, isNew: false }));
    let tasks: CaseTask[] = existing.tasks
      .filter((t) => t.inspectionId === c.inspectionId)
      .map(({ inspectionId: _i, verifiedAt, ...t }) => ({
        ...t,
        closedOn: t.status === 'closed' && verifiedAt ? new Date(verifiedAt).toISOString().slice(0, 10) : null,
      }));
    if (findings.length === 0) ({ findings, tasks } = newFindings(c, k, liaison, ctx, rows));
    return caseHistory(rows, ctx, {
      c,
      k,
      findings,
      tasks,
      liaison,
      openHandovers: openHandovers.get(c.inspectionId) ?? 0,
    });
  });
  await insertAll(tx, rows);
  await applyUpdates(tx, ctx, updates);
}
