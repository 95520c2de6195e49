// 成果运用: money recovered, 制度 built and people handled, over the inspections the filter selects. SQL only.
//
// Evidence counts only on verified tasks (销号 closed, or 阶段性完成 partly_closed): what a unit uploads is
// its own claim until 巡察办 has checked it at 对账销号 (DOMAIN.md §6), and a task reopened after 反弹 is
// no longer verified, so its money or 制度 leaves the figures until it is closed again.
//
// People handled by 形态 come from handover_person: one row per person of a handover result, current rows
// only (a result replaced after 要求补充 is superseded). Evidence of kind 人员处理 (persons_count) records
// people the unit dealt with itself while rectifying — often the same people a handover result names — so
// it is shown as its own figure and never added to the 形态 counts.
import type { OutcomeEvidenceQuery } from '@xuncha/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db.ts';
import { inspectionConditions, type ResolvedFilter } from './analytics.filter.ts';

// tasks and handovers belong to their inspection's committee: stated on them too, so their committee
// indexes apply
const verified = (f: ResolvedFilter) =>
  sql`t.committee_id = ${f.committeeId} AND t.status IN ('closed', 'partly_closed') AND ${inspectionConditions(f)}`;
const EVIDENCE_FROM = sql`evidence e JOIN task t ON t.id = e.task_id JOIN inspection i ON i.id = t.inspection_id
  JOIN org_unit u ON u.id = t.unit_id`;
const PERSON_FROM = sql`handover_person hp JOIN handover h ON h.id = hp.handover_id
  JOIN inspection i ON i.id = h.inspection_id JOIN org_unit u ON u.id = h.unit_id`;
const currentPerson = (f: ResolvedFilter) =>
  sql`h.committee_id = ${f.committeeId} AND hp.superseded_at IS NULL AND hp.form IS NOT NULL AND ${inspectionConditions(f)}`;

export async function evidenceTotals(db: Db, filter: ResolvedFilter) {
  const result = await sql<{
    amount: number;
    moneyEvidence: number;
    moneyTasks: number;
    institutions: number;
    institutionTasks: number;
    persons: number;
    personEvidence: number;
  }>`
    SELECT coalesce(sum(e.amount) FILTER (WHERE e.kind = 'money'), 0)::float8 AS amount,
      (count(*) FILTER (WHERE e.kind = 'money'))::int AS "moneyEvidence",
      (count(DISTINCT e.task_id) FILTER (WHERE e.kind = 'money'))::int AS "moneyTasks",
      (count(*) FILTER (WHERE e.kind = 'institution'))::int AS institutions,
      (count(DISTINCT e.task_id) FILTER (WHERE e.kind = 'institution'))::int AS "institutionTasks",
      coalesce(sum(e.persons_count) FILTER (WHERE e.kind = 'person'), 0)::int AS persons,
      (count(*) FILTER (WHERE e.kind = 'person'))::int AS "personEvidence"
    FROM ${EVIDENCE_FROM}
    WHERE ${verified(filter)} AND e.kind IN ('money', 'institution', 'person')`.execute(db);
  return result.rows[0];
}

export async function moneyByUnitKind(db: Db, filter: ResolvedFilter) {
  const result = await sql<{ code: string; amount: number }>`
    SELECT u.kind AS code, sum(e.amount)::float8 AS amount
    FROM ${EVIDENCE_FROM}
    WHERE ${verified(filter)} AND e.kind = 'money'
    GROUP BY u.kind`.execute(db);
  return result.rows;
}

export async function personsByForm(db: Db, filter: ResolvedFilter) {
  const result = await sql<{ code: string; n: number }>`
    SELECT hp.form AS code, count(*)::int AS n
    FROM ${PERSON_FROM}
    WHERE ${currentPerson(filter)}
    GROUP BY hp.form`.execute(db);
  return result.rows;
}

type Window = { limit: number; offset: number };
export type EvidenceDrillFilter = Pick<OutcomeEvidenceQuery, 'kind' | 'byUnitKind'>;

function evidenceWhere(filter: ResolvedFilter, query: EvidenceDrillFilter): RawBuilder<unknown> {
  const parts = [verified(filter), sql`e.kind = ${query.kind}`];
  if (query.byUnitKind) parts.push(sql`u.kind = ${query.byUnitKind}`);
  return sql.join(parts, sql` AND `);
}

export type EvidenceDrillRow = {
  id: string;
  taskId: string;
  taskTitle: string;
  unitName: string;
  roundName: string;
  kind: string;
  description: string;
  amount: number | null;
  institutionName: string | null;
  institutionDocNo: string | null;
  institutionDate: string | null;
  personsCount: number | null;
  taskStatus: string;
  at: string;
};

export async function evidencePage(db: Db, filter: ResolvedFilter, query: EvidenceDrillFilter, window: Window) {
  const result = await sql<EvidenceDrillRow>`
    SELECT e.id, t.id AS "taskId", t.title AS "taskTitle", u.name AS "unitName", r.name AS "roundName", e.kind,
      e.description, e.amount, e.institution_name AS "institutionName", e.institution_doc_no AS "institutionDocNo",
      e.institution_date AS "institutionDate", e.persons_count AS "personsCount", t.status AS "taskStatus", e.at
    FROM (SELECT e.id FROM ${EVIDENCE_FROM} WHERE ${evidenceWhere(filter, query)}
          ORDER BY e.at DESC, e.id LIMIT ${window.limit} OFFSET ${window.offset}) p
    JOIN evidence e ON e.id = p.id
    JOIN task t ON t.id = e.task_id
    JOIN inspection i ON i.id = t.inspection_id
    JOIN round r ON r.id = i.round_id
    JOIN org_unit u ON u.id = t.unit_id
    ORDER BY e.at DESC, e.id`.execute(db);
  return result.rows;
}

export async function evidenceCount(db: Db, filter: ResolvedFilter, query: EvidenceDrillFilter) {
  const result = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM ${EVIDENCE_FROM} WHERE ${evidenceWhere(filter, query)}`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

function personWhere(filter: ResolvedFilter, form: string | undefined): RawBuilder<unknown> {
  const parts = [currentPerson(filter)];
  if (form) parts.push(sql`hp.form = ${form}`);
  return sql.join(parts, sql` AND `);
}

export type PersonDrillRow = {
  id: string;
  handoverId: string;
  seq: number;
  unitName: string;
  roundName: string;
  handoverYear: number;
  handoverSeq: number;
  handoverKind: string;
  recipientName: string;
  form: string;
  decidedOn: string | null;
};

export async function personPage(db: Db, filter: ResolvedFilter, form: string | undefined, window: Window) {
  const result = await sql<PersonDrillRow>`
    SELECT hp.handover_id || ':' || hp.seq AS id, hp.handover_id AS "handoverId", hp.seq, u.name AS "unitName", r.name AS "roundName",
      h.year AS "handoverYear", h.seq AS "handoverSeq", h.kind AS "handoverKind", h.recipient_name AS "recipientName",
      hp.form, hp.decided_on AS "decidedOn"
    FROM (SELECT hp.handover_id, hp.seq FROM ${PERSON_FROM} WHERE ${personWhere(filter, form)}
          ORDER BY h.year DESC, h.seq DESC, hp.handover_id, hp.seq LIMIT ${window.limit} OFFSET ${window.offset}) p
    JOIN handover_person hp ON hp.handover_id = p.handover_id AND hp.seq = p.seq
    JOIN handover h ON h.id = hp.handover_id
    JOIN inspection i ON i.id = h.inspection_id
    JOIN round r ON r.id = i.round_id
    JOIN org_unit u ON u.id = h.unit_id
    ORDER BY h.year DESC, h.seq DESC, hp.handover_id, hp.seq`.execute(db);
  return result.rows;
}

export async function personCount(db: Db, filter: ResolvedFilter, form: string | undefined) {
  const result = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM ${PERSON_FROM} WHERE ${personWhere(filter, form)}`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}
