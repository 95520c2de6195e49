// 指导意见: SQL only. State changes are conditional updates (draft → published; receipt none → read → acted);
// the service turns 0 rows into 409.
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db.ts';
import { pageWindow } from '../../platform/http/paging.ts';

export interface GuidanceValues {
  title: string;
  body: string;
  docNo: string | null;
  targetAll: boolean;
  targetCommitteeIds: string[];
}

/** Of `ids`, those that are not strictly below `committeeId` (or do not exist). */
export async function notBelow(db: Db, committeeId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await sql<{ id: string }>`
    SELECT c.id FROM committee c JOIN committee u ON u.id = ${committeeId}
    WHERE c.id IN (${sql.join(ids)}) AND c.id <> u.id AND c.path LIKE u.path || '%'`.execute(db);
  const below = new Set(rows.rows.map((r) => r.id));
  return ids.filter((id) => !below.has(id));
}

export async function insertGuidance(tx: Tx, committeeId: string, userId: string, v: GuidanceValues) {
  const row = await tx
    .insertInto('guidance')
    .values({
      committee_id: committeeId,
      title: v.title,
      body: v.body,
      doc_no: v.docNo,
      target_all: v.targetAll,
      target_committee_ids: v.targetAll ? [] : v.targetCommitteeIds,
      created_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The guidance's publisher and state, or undefined. */
export function findGuidance(db: Db, id: string) {
  return db
    .selectFrom('guidance')
    .select(['id', 'committee_id as committeeId', 'status', 'title', 'target_all as targetAll'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A draft's fields; 0 rows when it is no longer a draft. */
export async function updateDraft(tx: Tx, id: string, v: GuidanceValues, at: string): Promise<number> {
  const result = await tx
    .updateTable('guidance')
    .set({
      title: v.title,
      body: v.body,
      doc_no: v.docNo,
      target_all: v.targetAll,
      target_committee_ids: v.targetAll ? [] : v.targetCommitteeIds,
      updated_at: at,
    })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** draft → published, fixing the receiving committees (still below the publisher); their ids, or null on 0 rows. */
export async function publish(tx: Tx, id: string, userId: string, at: string): Promise<string[] | null> {
  const updated = await tx
    .updateTable('guidance')
    .set({ status: 'published', published_by: userId, published_at: at, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .returning('id')
    .executeTakeFirst();
  if (!updated) return null;
  const rows = await sql<{ committee_id: string }>`
    INSERT INTO guidance_target (guidance_id, committee_id)
    SELECT g.id, c.id FROM guidance g JOIN committee u ON u.id = g.committee_id
      JOIN committee c ON c.path LIKE u.path || '%' AND c.id <> u.id AND c.active
    WHERE g.id = ${id} AND (g.target_all OR c.id = ANY(g.target_committee_ids))
    RETURNING committee_id`.execute(tx);
  return rows.rows.map((r) => r.committee_id);
}

/** The active office users (巡察办主任 and staff) of these committees: who hears of guidance and launches. */
export async function officeUsers(db: Db, committeeIds: readonly string[]): Promise<string[]> {
  if (committeeIds.length === 0) return [];
  const rows = await db
    .selectFrom('user_role as ur')
    .innerJoin('app_user as u', 'u.id', 'ur.user_id')
    .select('ur.user_id')
    .distinct()
    .where('ur.scope_kind', '=', 'committee')
    .where('ur.scope_id', 'in', committeeIds)
    .where('ur.role_code', 'in', ['office', 'office_director'])
    .where('u.active', '=', true)
    .execute();
  return rows.map((r) => r.user_id);
}

const SUMMARY = sql`g.id, g.committee_id AS "committeeId", c.name AS "committeeName", g.doc_no AS "docNo", g.title,
  g.status, g.target_all AS "targetAll", g.created_at AS "createdAt", g.published_at AS "publishedAt",
  CASE WHEN g.status = 'draft' THEN (CASE WHEN g.target_all THEN 0 ELSE cardinality(g.target_committee_ids) END)
    ELSE coalesce(t.targets, 0) END::int AS targets,
  coalesce(t.read, 0)::int AS read, coalesce(t.acted, 0)::int AS acted`;

const TARGET_COUNTS = sql`LEFT JOIN LATERAL (SELECT count(*) AS targets, count(*) FILTER (WHERE gt.ack IS NOT NULL) AS read,
    count(*) FILTER (WHERE gt.ack = 'acted') AS acted FROM guidance_target gt WHERE gt.guidance_id = g.id) t ON true`;

export interface SummaryRow {
  id: string;
  committeeId: string;
  committeeName: string;
  docNo: string | null;
  title: string;
  status: string;
  targetAll: boolean;
  createdAt: string;
  publishedAt: string | null;
  targets: number;
  read: number;
  acted: number;
}

/** What a committee has issued, newest first; drafts only for those who may publish. */
export async function issued(
  db: Db,
  committeeId: string,
  withDrafts: boolean,
  req: { page: number; pageSize: number },
) {
  const { limit, offset } = pageWindow(req);
  const where = withDrafts
    ? sql`g.committee_id = ${committeeId}`
    : sql`g.committee_id = ${committeeId} AND g.status = 'published'`;
  const [rows, count] = await Promise.all([
    sql<SummaryRow>`SELECT ${SUMMARY} FROM guidance g JOIN committee c ON c.id = g.committee_id ${TARGET_COUNTS}
      WHERE ${where} ORDER BY g.created_at DESC, g.id LIMIT ${limit} OFFSET ${offset}`.execute(db),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM guidance g WHERE ${where}`.execute(db),
  ]);
  return { items: rows.rows, total: count.rows[0]?.n ?? 0 };
}

export async function detail(db: Db, id: string) {
  const row = await sql<SummaryRow & { body: string; targetIds: string[] }>`
    SELECT ${SUMMARY}, g.body, g.target_committee_ids AS "targetIds"
    FROM guidance g JOIN committee c ON c.id = g.committee_id ${TARGET_COUNTS} WHERE g.id = ${id}`.execute(db);
  return row.rows[0];
}

/** The receipts of published guidance, or (for a draft) the chosen committees without receipts. */
export async function targetList(db: Db, id: string, draftIds: readonly string[] | null) {
  const rows = draftIds
    ? await sql<TargetRow>`SELECT c.id AS "committeeId", c.name, NULL AS ack, NULL AS note, NULL AS "ackBy",
        NULL AS "ackAt" FROM committee c WHERE c.id = ANY(${draftIds}::uuid[]) ORDER BY c.name, c.id`.execute(db)
    : await sql<TargetRow>`SELECT gt.committee_id AS "committeeId", c.name, gt.ack, gt.note,
        gt.ack_by_name AS "ackBy", gt.ack_at AS "ackAt"
        FROM guidance_target gt JOIN committee c ON c.id = gt.committee_id
        WHERE gt.guidance_id = ${id} ORDER BY c.name, c.id`.execute(db);
  return rows.rows;
}

export interface TargetRow {
  committeeId: string;
  name: string;
  ack: string | null;
  note: string | null;
  ackBy: string | null;
  ackAt: string | null;
}

/** Published guidance that reached this committee, newest first, with the committee's own receipt. */
export async function received(db: Db, committeeId: string, req: { page: number; pageSize: number }) {
  const { limit, offset } = pageWindow(req);
  const [rows, count] = await Promise.all([
    sql<{
      id: string;
      fromCommitteeName: string;
      docNo: string | null;
      title: string;
      body: string;
      publishedAt: string;
      ack: string | null;
      note: string | null;
    }>`SELECT g.id, c.name AS "fromCommitteeName", g.doc_no AS "docNo", g.title, g.body,
        g.published_at AS "publishedAt", gt.ack, gt.note
      FROM guidance_target gt JOIN guidance g ON g.id = gt.guidance_id JOIN committee c ON c.id = g.committee_id
      WHERE gt.committee_id = ${committeeId} AND g.status = 'published'
      ORDER BY g.published_at DESC, g.id LIMIT ${limit} OFFSET ${offset}`.execute(db),
    sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM guidance_target gt WHERE gt.committee_id = ${committeeId}`.execute(db),
  ]);
  return { items: rows.rows, total: count.rows[0]?.n ?? 0 };
}

/** Is this committee a receiver of this (published) guidance? */
export async function isTarget(db: Db, guidanceId: string, committeeId: string): Promise<boolean> {
  const row = await db
    .selectFrom('guidance_target')
    .select('guidance_id')
    .where('guidance_id', '=', guidanceId)
    .where('committee_id', '=', committeeId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Receipt: 已阅 once (from none), 已落实 once (from none or 已阅); 0 rows otherwise. */
export async function acknowledge(
  tx: Tx,
  input: { guidanceId: string; committeeId: string; status: 'read' | 'acted'; note: string | null },
  by: { id: string; name: string },
  at: string,
): Promise<number> {
  const from = input.status === 'read' ? sql`gt.ack IS NULL` : sql`gt.ack IS DISTINCT FROM 'acted'`;
  const result = await sql`UPDATE guidance_target gt SET ack = ${input.status}, note = ${input.note},
      ack_by = ${by.id}, ack_by_name = ${by.name}, ack_at = ${at}
    WHERE gt.guidance_id = ${input.guidanceId} AND gt.committee_id = ${input.committeeId} AND ${from}`.execute(tx);
  return Number(result.numAffectedRows ?? 0);
}
