// The demo's 区住建局 rectification after the tasks (demo-rectification.ts): a 督办单 on the overdue task,
// answered; a 回访 planned; a 问责 proposal; a monthly progress report; a summary published to the public.
import { sql } from 'kysely';
import type { Tx } from '../platform/db.ts';
import { addDays } from './demo.ts';
import type { DistrictContext } from './demo-district.ts';
import * as text from './demo-rectification-data.ts';

/** 02:00 UTC (10:00 in Shanghai) on the day `days` from today. */
const at = (today: string, days: number) => `${addDays(today, days)}T02:00:00.000Z`;

export async function seedSupervisionAndAfter(tx: Tx, ctx: DistrictContext) {
  const { ids, today } = ctx;
  const rectification = await tx
    .selectFrom('rectification')
    .select('id')
    .where('inspection_id', '=', ids.zhujianInspectionId)
    .executeTakeFirstOrThrow();
  const office = ids.users.office as string;
  const year = Number(addDays(today, -8).slice(0, 4));
  const next = await tx
    .selectFrom('supervision_order')
    .select(sql<number>`coalesce(max(seq), 0) + 1`.as('seq'))
    .where('committee_id', '=', ids.committeeId)
    .where('year', '=', year)
    .executeTakeFirstOrThrow();
  const order = await tx
    .insertInto('supervision_order')
    .values({
      committee_id: ids.committeeId,
      rectification_id: rectification.id,
      unit_id: ids.units.zhujian as string,
      task_id: ids.tasks.overdue as string,
      year,
      seq: Number(next.seq),
      reason: 'overdue',
      content: text.SUPERVISION.content,
      response_due: addDays(today, 4),
      status: 'answered',
      response: text.SUPERVISION.response,
      responded_by: ids.users.danwei as string,
      responded_at: at(today, -3),
      issued_by: office,
      issued_at: at(today, -8),
      updated_at: at(today, -3),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const e of [
    { event: 'issue', from: null, to: 'issued', actor: office, day: -8, comment: null },
    {
      event: 'answer',
      from: 'issued',
      to: 'answered',
      actor: ids.users.danwei as string,
      day: -3,
      comment: text.SUPERVISION.response,
    },
  ]) {
    await tx
      .insertInto('supervision_event')
      .values({
        order_id: order.id,
        event: e.event,
        from_status: e.from,
        to_status: e.to,
        comment: e.comment,
        actor_id: e.actor,
        at: at(today, e.day),
      })
      .execute();
  }

  await tx
    .insertInto('revisit')
    .values({
      committee_id: ids.committeeId,
      rectification_id: rectification.id,
      unit_id: ids.units.zhujian as string,
      kind: 'revisit',
      planned_on: addDays(today, 120),
      status: 'planned',
      created_by: office,
      created_at: at(today, -2),
      updated_at: at(today, -2),
    })
    .execute();

  const accountability = await tx
    .insertInto('accountability')
    .values({
      committee_id: ids.committeeId,
      rectification_id: rectification.id,
      unit_id: ids.units.zhujian as string,
      person_name: text.ACCOUNTABILITY.personName,
      person_post: text.ACCOUNTABILITY.personPost,
      ground: 'ineffective',
      facts: text.ACCOUNTABILITY.facts,
      proposed_measure: 'reminder_talk',
      status: 'proposed',
      task_ids: [ids.tasks.overdue as string],
      finding_ids: [ids.findings.f2 as string],
      proposed_by: ids.users.jiwei as string,
      proposed_at: at(today, -1),
      updated_at: at(today, -1),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('accountability_event')
    .values({
      accountability_id: accountability.id,
      event: 'propose',
      from_status: null,
      to_status: 'proposed',
      comment: null,
      actor_id: ids.users.jiwei as string,
      at: at(today, -1),
    })
    .execute();

  await tx
    .insertInto('rectification_report')
    .values({
      rectification_id: rectification.id,
      committee_id: ids.committeeId,
      unit_id: ids.units.zhujian as string,
      kind: 'progress',
      period: addDays(today, -40).slice(0, 7),
      title: text.PROGRESS_REPORT.title,
      content: text.PROGRESS_REPORT.content,
      submitted_by: ids.users.lianluo as string,
      submitted_at: at(today, -38),
    })
    .execute();

  await tx
    .insertInto('publication')
    .values({
      committee_id: ids.committeeId,
      rectification_id: rectification.id,
      channel: 'public',
      published_on: addDays(today, -20),
      title: text.PUBLICATION.title,
      summary: text.PUBLICATION.summary,
      created_by: office,
      created_at: at(today, -20),
    })
    .execute();
}
