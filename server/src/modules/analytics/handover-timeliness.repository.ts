// 移交办理 timeliness: SQL only. Handovers of the filter's inspections (declined ones are sent again as new
// handovers, so they are left out), counted per recipient and kind and in total in one GROUPING SETS pass
// over handover_committee_idx. The result date is concluded_on (办结日期); "today" is the Shanghai day.

import type { HandoverRowQuery } from '@xuncha/contracts';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db.ts';
import type { ResolvedFilter } from './analytics.filter.ts';
import { selectionOf } from './rectification-rates.repository.ts';

export interface HandoverCountRow {
  recipient: string | null;
  kind: string | null;
  sent: number;
  on_time: number;
  late: number;
  overdue: number;
  pending: number;
  result_days: number;
}

function handoverWhere(f: ResolvedFilter): RawBuilder<SqlBool> {
  return sql<SqlBool>`${selectionOf(f, 'h')} AND h.status <> 'declined'`;
}

function outcomeCondition(outcome: HandoverRowQuery['outcome'], today: string): RawBuilder<unknown> {
  switch (outcome) {
    case 'sent':
      return sql`true`;
    case 'on_time':
      return sql`h.concluded_on <= h.due_date`;
    case 'late':
      return sql`h.concluded_on > h.due_date`;
    case 'overdue':
      return sql`h.concluded_on IS NULL AND h.due_date < ${today}::date`;
    case 'pending':
      return sql`h.concluded_on IS NULL AND h.due_date >= ${today}::date`;
    case 'with_result':
      return sql`h.concluded_on IS NOT NULL`;
  }
}

/** One row per recipient and kind that has handovers, and the total (recipient and kind null). */
export async function handoverCounts(db: Db, f: ResolvedFilter, today: string): Promise<HandoverCountRow[]> {
  const n = (outcome: HandoverRowQuery['outcome']) =>
    sql`(count(*) FILTER (WHERE ${outcomeCondition(outcome, today)}))::int`;
  const result = await sql<HandoverCountRow>`
    SELECT h.recipient, h.kind, count(*)::int AS sent, ${n('on_time')} AS on_time, ${n('late')} AS late,
      ${n('overdue')} AS overdue, ${n('pending')} AS pending,
      coalesce(sum(h.concluded_on - h.sent_on) FILTER (WHERE h.concluded_on IS NOT NULL), 0)::int AS result_days
    FROM handover h WHERE ${handoverWhere(f)}
    GROUP BY GROUPING SETS ((h.recipient, h.kind), ())
    ORDER BY h.recipient NULLS FIRST, h.kind`.execute(db);
  return result.rows.map((r) => ({
    ...r,
    sent: Number(r.sent),
    on_time: Number(r.on_time),
    late: Number(r.late),
    overdue: Number(r.overdue),
    pending: Number(r.pending),
    result_days: Number(r.result_days),
  }));
}

export function rowWhere(f: ResolvedFilter, q: Omit<HandoverRowQuery, 'page' | 'pageSize'>, today: string) {
  const parts: RawBuilder<unknown>[] = [handoverWhere(f), outcomeCondition(q.outcome, today)];
  if (q.recipient) parts.push(sql`h.recipient = ${q.recipient}`);
  if (q.kind) parts.push(sql`h.kind = ${q.kind}`);
  return sql.join(parts, sql` AND `);
}

export interface HandoverMetaRow {
  id: string;
  code: string;
  unitName: string;
  kind: string;
  recipient: string;
  recipientName: string;
  sentOn: string;
  dueDate: string;
  concludedOn: string | null;
  status: string;
  overdueDays: number;
}

/**
 * Handover metadata only, newest first. Confidentiality: no clue, allegation, result or person column is read
 * here — the drill-down and its export must not carry what only the need-to-know readers may see.
 */
export async function handoverRows(
  db: Db,
  where: RawBuilder<unknown>,
  today: string,
  page: { limit: number; offset?: number; after?: { sentOn: string; id: string } },
): Promise<HandoverMetaRow[]> {
  const after = page.after ? sql`AND (h.sent_on, h.id) < (${page.after.sentOn}::date, ${page.after.id}::uuid)` : sql``;
  const result = await sql<HandoverMetaRow>`
    SELECT h.id, '移交〔' || h.year || '〕' || h.seq || '号' AS code, u.name AS "unitName", h.kind, h.recipient,
      h.recipient_name AS "recipientName", h.sent_on AS "sentOn", h.due_date AS "dueDate",
      h.concluded_on AS "concludedOn", h.status,
      (CASE WHEN h.concluded_on IS NULL AND h.due_date < ${today}::date THEN ${today}::date - h.due_date
        WHEN h.concluded_on > h.due_date THEN h.concluded_on - h.due_date ELSE 0 END)::int AS "overdueDays"
    FROM (SELECT h.id FROM handover h WHERE ${where} ${after} ORDER BY h.sent_on DESC, h.id DESC
      LIMIT ${page.limit} OFFSET ${page.offset ?? 0}) p
    JOIN handover h ON h.id = p.id
    JOIN org_unit u ON u.id = h.unit_id
    ORDER BY h.sent_on DESC, h.id DESC`.execute(db);
  return result.rows;
}

export async function countRows(db: Db, where: RawBuilder<unknown>): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM handover h WHERE ${where}`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}
