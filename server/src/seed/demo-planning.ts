// Demo planning data of the district (step 3 of demo-district.ts): the term plan 十五届区委巡察工作规划, past
// rounds whose inspections cover ~45% of the units and ~30% of the villages over the last four years (the coverage chart
// then looks like a real term), a preparing inspection with 函询 to the five usual recipients (some answered,
// one overdue), a 函询答复 login for 区信访局 (`xinfang`), and the published 巡察公告 of the stationed 区教育局.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { includeAllActiveUnits, insertPlan } from '../modules/term-plan/term-plan.repository.ts';
import { hashPassword } from '../platform/auth/password.ts';
import type { Tx } from '../platform/db.ts';
import { addDays, DEMO_PASSWORD } from './demo.ts';
import type { DistrictContext } from './demo-district.ts';

/** The term runs from three years before this one to the end of next year, so the demo never goes stale. */
function termOf(today: string) {
  const year = Number(today.slice(0, 4));
  return { year, startDate: `${year - 3}-01-01`, endDate: `${year + 1}-12-31` };
}

function pastRoundsOf(year: number) {
  return [
    { name: '十五届区委第一轮巡察', year: year - 3, seq: 1, start: `${year - 3}-03-14`, end: `${year - 3}-05-31` },
    { name: '十五届区委第二轮巡察', year: year - 2, seq: 2, start: `${year - 2}-03-13`, end: `${year - 2}-05-31` },
    {
      name: `${year - 1}年区委惠民资金专项巡察`,
      year: year - 1,
      seq: 1,
      start: `${year - 1}-04-08`,
      end: `${year - 1}-06-28`,
    },
    { name: `${year}年区委村(居)巡察`, year, seq: 1, start: `${year}-03-17`, end: `${year}-06-13` },
  ];
}

/** 函询 recipients: the unit to ask, its kind, and how the demo left it. */
const RECIPIENTS = [
  {
    name: '区纪委监委',
    kind: 'discipline',
    answeredBy: 'jiwei',
    answer:
      '经查，近五年未发现该局领导班子成员违纪违法问题线索；2023 年收到反映该局个别中层干部的问题线索 1 件，已了结。',
  },
  {
    name: '区委组织部',
    kind: 'organization',
    answeredBy: 'zuzhibu',
    answer: '该局领导班子 2024 年度考核等次为“好”；近三年选人用人“一报告两评议”满意度 96.2%，未发现违规用人问题。',
  },
  { name: '区信访局', kind: 'petition', answeredBy: null, answer: null },
  { name: '区审计局', kind: 'audit', answeredBy: null, answer: null },
  { name: '区委政法委', kind: 'legal', answeredBy: null, answer: null },
] as const;

async function unitByName(tx: Tx, committeeId: string, name: string): Promise<string> {
  const found = await tx
    .selectFrom('org_unit')
    .select('id')
    .where('committee_id', '=', committeeId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (found) return found.id;
  // the org step normally creates these departments; a bare demo still gets them
  const id = randomUUID();
  await tx
    .insertInto('org_unit')
    .values({ id, committee_id: committeeId, parent_id: null, path: `/${id}/`, name, kind: 'department' })
    .execute();
  return id;
}

async function pastRounds(tx: Tx, committeeId: string, year: number) {
  const ids: string[] = [];
  for (const r of pastRoundsOf(year)) {
    const row = await tx
      .insertInto('round')
      .values({
        committee_id: committeeId,
        name: r.name,
        year: r.year,
        seq: r.seq,
        start_date: r.start,
        end_date: r.end,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

/**
 * Spreads past inspections deterministically: every unit whose position by name is 0–8 of each 20 (45%) and
 * every village at 0–2 of each 10 (30%), skipping units the core demo already inspects.
 */
async function pastInspections(tx: Tx, committeeId: string, roundIds: string[], year: number) {
  const rounds = sql.join(roundIds.map((id) => sql`${id}::uuid`));
  await sql`INSERT INTO inspection (committee_id, round_id, unit_id, type, phase, team_name, start_date, end_date,
      selection_reason, feedback_date)
    SELECT ${committeeId}, r.id, c.id, CASE WHEN c.village THEN 'village' ELSE r.type END,
      CASE WHEN r.year = ${year} THEN 'evaluating' ELSE 'archived' END,
      (ARRAY['区委第一巡察组', '区委第二巡察组', '区委第三巡察组', '区委第四巡察组'])[c.rn % 4 + 1],
      r.start_date, r.end_date,
      CASE WHEN c.village THEN '巡镇带村，届内村(居)全覆盖安排' ELSE '届内全覆盖安排，结合廉政风险排序' END,
      r.end_date + 20
    FROM (
      SELECT u.id, u.kind = 'village' AS village, row_number() OVER (PARTITION BY u.kind = 'village' ORDER BY u.name) AS rn
      FROM org_unit u
      WHERE u.committee_id = ${committeeId} AND u.active
        AND NOT EXISTS (SELECT 1 FROM inspection i WHERE i.unit_id = u.id)
    ) c
    JOIN (SELECT id, year, start_date, end_date, CASE WHEN year = ${year - 1} THEN 'special' ELSE 'regular' END AS type,
        row_number() OVER (ORDER BY start_date) - 1 AS k
      FROM round WHERE id IN (${rounds})) r
      ON r.k = CASE WHEN c.village THEN 1 + 2 * (c.rn % 2) ELSE c.rn % 4 END
    WHERE CASE WHEN c.village THEN c.rn % 10 < 3 ELSE c.rn % 20 < 9 END`.execute(tx);
}

async function preparingInspection(tx: Tx, context: DistrictContext) {
  const { ids, today } = context;
  const round = await tx
    .insertInto('round')
    .values({
      committee_id: ids.committeeId,
      name: '十五届区委第五轮巡察',
      year: Number(today.slice(0, 4)),
      seq: 5,
      start_date: addDays(today, 14),
      end_date: addDays(today, 90),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const inspection = await tx
    .insertInto('inspection')
    .values({
      committee_id: ids.committeeId,
      round_id: round.id,
      unit_id: ids.units.ziran as string,
      type: 'regular',
      team_name: '区委第二巡察组',
      start_date: addDays(today, 14),
      end_date: addDays(today, 70),
      selection_reason: '土地出让和矿产资源领域廉政风险高，本届尚未巡察',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inspection.id;
}

async function enquiries(tx: Tx, context: DistrictContext, inspectionId: string, respondentUnits: string[]) {
  const { ids, today } = context;
  for (const [i, r] of RECIPIENTS.entries()) {
    await tx
      .insertInto('enquiry')
      .values({
        committee_id: ids.committeeId,
        inspection_id: inspectionId,
        recipient_unit_id: respondentUnits[i] as string,
        recipient_kind: r.kind,
        subject: '请提供区自然资源局领导班子及其成员近五年廉洁自律、信访举报、审计监督、选人用人和涉法涉诉等方面情况',
        // 审计 was due two days ago and is still open: the inbox shows it as overdue
        due_date: r.kind === 'audit' ? addDays(today, -2) : addDays(today, 7),
        sent_by: ids.users.office as string,
        sent_at: `${addDays(today, -12)}T02:00:00Z`,
        ...(r.answeredBy
          ? {
              status: 'answered',
              answer: r.answer,
              answered_by: ids.users[r.answeredBy] as string,
              answered_at: `${addDays(today, -3)}T07:30:00Z`,
            }
          : {}),
      })
      .execute();
  }
}

/** The district's one extra login (not in the core demo), printed by `npm start` with the others. */
export const RESPONDENT_LOGIN = { username: 'xinfang', displayName: '黄伟', title: '区信访局，函询答复单位' };

async function respondent(tx: Tx, committeeId: string, unitId: string) {
  const user = await tx
    .insertInto('app_user')
    .values({
      username: RESPONDENT_LOGIN.username,
      display_name: RESPONDENT_LOGIN.displayName,
      password_hash: await hashPassword(DEMO_PASSWORD),
      committee_id: committeeId,
      unit_id: unitId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('user_role')
    .values({ user_id: user.id, role_code: 'enquiry_respondent', scope_kind: 'unit', scope_id: unitId })
    .execute();
}

async function announcement(tx: Tx, context: DistrictContext) {
  const { ids, today } = context;
  await tx
    .insertInto('announcement')
    .values({
      inspection_id: ids.jiaoyuInspectionId,
      period_start: addDays(today, -150),
      period_end: addDays(today, -110),
      phone: '0571-86012345',
      mailbox: '城关区邮政 A018 号信箱',
      address: '区委党校二楼 203 室（城关镇解放路 18 号）',
      email: 'xuncha1@chengguan.gov.cn',
      reception_hours: '工作日 8:30—12:00，14:30—17:30',
      published_at: `${addDays(today, -151)}T01:00:00Z`,
      published_by: ids.users.office as string,
      updated_by: ids.users.office as string,
    })
    .execute();
}

/** Units not yet covered in this term get a planned year, so the per-year chart shows the plan ahead. */
async function plannedYears(tx: Tx, planId: string, year: number, termStart: string) {
  await sql`UPDATE term_plan_unit t SET planned_year = ${year}
    FROM org_unit u WHERE u.id = t.unit_id AND t.term_plan_id = ${planId} AND u.kind <> 'village'
      AND NOT EXISTS (SELECT 1 FROM inspection i WHERE i.unit_id = t.unit_id AND i.start_date >= ${termStart})`.execute(
    tx,
  );
}

export async function seedDemoPlanning(tx: Tx, context: DistrictContext): Promise<void> {
  const { ids, today } = context;
  const officeId = ids.users.office as string;
  const term = termOf(today);
  const roundIds = await pastRounds(tx, ids.committeeId, term.year);
  await pastInspections(tx, ids.committeeId, roundIds, term.year);
  const recipientUnits: string[] = [];
  for (const r of RECIPIENTS) recipientUnits.push(await unitByName(tx, ids.committeeId, r.name));
  const planId = await insertPlan(tx, {
    committeeId: ids.committeeId,
    name: '十五届区委巡察工作规划',
    startDate: term.startDate,
    endDate: term.endDate,
    roundsPerYear: 2,
    notes: '每年两轮巡察，机关部门和直属单位届内全覆盖；村(居)采取巡镇带村、提级巡察方式届内全覆盖。',
    createdBy: officeId,
  });
  await includeAllActiveUnits(tx, planId, ids.committeeId, officeId);
  await plannedYears(tx, planId, term.year, term.startDate);
  const inspectionId = await preparingInspection(tx, context);
  await enquiries(tx, context, inspectionId, recipientUnits);
  await respondent(tx, ids.committeeId, recipientUnits[2] as string);
  await announcement(tx, context);
}
