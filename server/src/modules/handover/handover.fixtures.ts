// Test fixtures for handovers, written straight to the database so these tests do not depend on the clue
// and meeting APIs: a sealed clue, a 选人用人 finding, a 同意移交 decision, another committee's handover.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { keyringFor } from '../../platform/crypto/keyring.ts';
import { sealJson } from '../../platform/crypto/sealed.ts';
import type { Harness } from '../../test/harness.ts';
import type { ClueContent } from '../clue/clue.content.ts';

export const CLUE_CONTENT: ClueContent = {
  subjectName: '张某某',
  subjectPost: '区住建局建筑市场管理科原科长',
  allegation: '反映其在 2024 年某安置房项目招标中向特定企业透露标底，收受好处费 5 万元。',
  evidence: '来信一封，附转账截图 2 张',
};

async function inspectionOf(h: Harness, inspectionId: string) {
  return h.database.db
    .selectFrom('inspection')
    .select(['committee_id', 'unit_id', 'round_id'])
    .where('id', '=', inspectionId)
    .executeTakeFirstOrThrow();
}

export async function addClue(h: Harness, inspectionId: string, status = 'registered'): Promise<string> {
  const i = await inspectionOf(h, inspectionId);
  const next = await h.database.db
    .selectFrom('clue')
    .select(sql<number>`coalesce(max(seq), 0) + 1`.as('n'))
    .where('round_id', '=', i.round_id)
    .executeTakeFirstOrThrow();
  const row = await h.database.db
    .insertInto('clue')
    .values({
      committee_id: i.committee_id,
      inspection_id: inspectionId,
      unit_id: i.unit_id,
      seq: Number(next.n),
      category: 'integrity',
      source: 'petition',
      status,
      received_on: '2026-03-20',
      content_sealed: sealJson(keyringFor(h.config), CLUE_CONTENT),
      registered_by: h.demo.users.zuzhang as string,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addFinding(h: Harness, inspectionId: string, areas: string[], title: string): Promise<string> {
  const i = await inspectionOf(h, inspectionId);
  const next = await h.database.db
    .selectFrom('finding')
    .select(sql<number>`coalesce(max(seq), 0) + 1`.as('n'))
    .where('inspection_id', '=', inspectionId)
    .executeTakeFirstOrThrow();
  const row = await h.database.db
    .insertInto('finding')
    .values({
      committee_id: i.committee_id,
      inspection_id: inspectionId,
      unit_id: i.unit_id,
      seq: Number(next.n),
      title,
      facts: '2025 年提拔的 3 名科级干部中，有 1 人未经民主推荐；干部档案专项审核发现 2 人出生日期前后不一致。',
      aspect: 'party_building',
      discipline: null,
      major_problem: null,
      focus: null,
      power_type: null,
      is_common: false,
      eight_rules: false,
      created_by: null,
      areas,
      status: 'fed_back',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addHandoverDecision(h: Harness, inspectionId: string): Promise<string> {
  const meeting = await h.database.db
    .insertInto('meeting')
    .values({
      committee_id: h.demo.committeeId,
      kind: 'leading_group',
      title: '区委巡察工作领导小组2026年第3次会议',
      held_on: '2026-06-10',
      host: '李明',
      attendees: ['李明', '王芳'],
      created_by: h.demo.users.office as string,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const decision = await h.database.db
    .insertInto('meeting_decision')
    .values({
      meeting_id: meeting.id,
      seq: 1,
      kind: 'handover',
      inspection_id: inspectionId,
      content: '同意将巡察发现的问题线索移交区纪委监委',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return decision.id;
}

/** A handover of the outsider committee: nobody of the demo committee may see it. */
export async function addOutsiderHandover(h: Harness): Promise<string> {
  const id = randomUUID();
  await h.database.db
    .insertInto('handover')
    .values({
      id,
      committee_id: h.outsider.committeeId,
      inspection_id: h.outsider.inspectionId,
      unit_id: h.outsider.unitId,
      year: 2026,
      seq: 1,
      kind: 'cadre',
      finding_id: h.outsider.findingId,
      recipient: 'organization',
      recipient_name: '中共示例市城西区委组织部',
      sent_on: '2026-05-01',
      due_date: '2026-06-01',
      sent_by: h.outsider.ownerId,
    })
    .execute();
  return id;
}

export async function clueStatus(h: Harness, clueId: string): Promise<string> {
  const row = await h.database.db
    .selectFrom('clue')
    .select('status')
    .where('id', '=', clueId)
    .executeTakeFirstOrThrow();
  return row.status;
}

export async function handoverCount(h: Harness): Promise<number> {
  const row = await h.database.db
    .selectFrom('handover')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function auditCount(h: Harness): Promise<number> {
  const row = await h.database.db
    .selectFrom('audit_entry')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
