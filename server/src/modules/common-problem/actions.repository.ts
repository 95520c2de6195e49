// SQL of 举一反三 notices and 专项巡察 proposals. Lists are per committee (the caller's, checked by the
// service); state changes are conditional updates, so a second publish or decision changes nothing.
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db.ts';

/** The committee's active units among `ids` (or all of them when `ids` is null), by name. */
export function committeeUnits(db: Db, committeeId: string, ids: string[] | null) {
  let query = db
    .selectFrom('org_unit')
    .select(['id', 'name'])
    .where('committee_id', '=', committeeId)
    .where('active', '=', true);
  if (ids) query = query.where('id', 'in', ids.length > 0 ? ids : ['00000000-0000-0000-0000-000000000000']);
  return query.orderBy('sort_order').orderBy('name').execute();
}

export interface ActionSource {
  committeeId: string;
  clusterId: string;
  clusterLabel: string;
  findingIds: string[];
  createdBy: string;
}

export function insertNotice(
  tx: Tx,
  source: ActionSource,
  notice: { title: string; body: string; targetUnitIds: string[] },
) {
  return tx
    .insertInto('common_problem_notice')
    .values({
      committee_id: source.committeeId,
      cluster_id: source.clusterId,
      cluster_label: source.clusterLabel,
      finding_ids: source.findingIds,
      title: notice.title,
      body: notice.body,
      target_unit_ids: notice.targetUnitIds,
      created_by: source.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function insertProposal(
  tx: Tx,
  source: ActionSource,
  proposal: { title: string; reason: string; unitIds: string[] },
) {
  return tx
    .insertInto('special_inspection_proposal')
    .values({
      committee_id: source.committeeId,
      cluster_id: source.clusterId,
      cluster_label: source.clusterLabel,
      finding_ids: source.findingIds,
      title: proposal.title,
      reason: proposal.reason,
      unit_ids: proposal.unitIds,
      created_by: source.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function findNotice(db: Db, id: string) {
  return db
    .selectFrom('common_problem_notice')
    .select(['id', 'committee_id as committeeId', 'status', 'title', 'body', 'target_unit_ids as targetUnitIds'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** draft → published; 0 rows when it was published already (or by someone else meanwhile). */
export async function publishNotice(tx: Tx, id: string, by: string, at: string): Promise<boolean> {
  const r = await tx
    .updateTable('common_problem_notice')
    .set({ status: 'published', published_by: by, published_at: at })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setNotified(tx: Tx, id: string, count: number): Promise<void> {
  await tx.updateTable('common_problem_notice').set({ notified_count: count }).where('id', '=', id).execute();
}

export function findProposal(db: Db, id: string) {
  return db
    .selectFrom('special_inspection_proposal')
    .select(['id', 'committee_id as committeeId', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** proposed → adopted | declined; 0 rows when already decided. */
export async function decideProposal(
  tx: Tx,
  id: string,
  decision: { status: 'adopted' | 'declined'; by: string; at: string; note: string | null },
): Promise<boolean> {
  const r = await tx
    .updateTable('special_inspection_proposal')
    .set({ status: decision.status, decided_by: decision.by, decided_at: decision.at, decision_note: decision.note })
    .where('id', '=', id)
    .where('status', '=', 'proposed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The first 20 unit names of an id array (a notice to every unit would list hundreds). */
const unitNames = (column: string) =>
  sql<string[]>`coalesce((SELECT array_agg(x.name ORDER BY x.name) FROM (
    SELECT u.name FROM org_unit u WHERE u.id = ANY (${sql.ref(column)}) ORDER BY u.name LIMIT 20) x), '{}')`;

export async function listNotices(
  db: Db,
  filter: { committeeId: string; status?: string | undefined; id?: string },
  window: { limit: number; offset: number },
) {
  let query = db
    .selectFrom('common_problem_notice as n')
    .innerJoin('app_user as cu', 'cu.id', 'n.created_by')
    .where('n.committee_id', '=', filter.committeeId);
  if (filter.status) query = query.where('n.status', '=', filter.status);
  if (filter.id) query = query.where('n.id', '=', filter.id);
  const [items, total] = await Promise.all([
    query
      .select([
        'n.id',
        'n.cluster_id as clusterId',
        'n.cluster_label as clusterLabel',
        'n.title',
        'n.body',
        'n.status',
        'n.created_at as createdAt',
        'cu.display_name as createdByName',
        'n.published_at as publishedAt',
        'n.notified_count as notifiedCount',
        sql<number>`cardinality(n.target_unit_ids)`.as('targetUnitCount'),
        sql<number>`cardinality(n.finding_ids)`.as('findingCount'),
        unitNames('n.target_unit_ids').as('targetUnitNames'),
      ])
      .orderBy('n.created_at', 'desc')
      .orderBy('n.id', 'desc')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function listProposals(
  db: Db,
  filter: { committeeId: string; status?: string | undefined; id?: string },
  window: { limit: number; offset: number },
) {
  let query = db
    .selectFrom('special_inspection_proposal as p')
    .innerJoin('app_user as cu', 'cu.id', 'p.created_by')
    .leftJoin('app_user as du', 'du.id', 'p.decided_by')
    .where('p.committee_id', '=', filter.committeeId);
  if (filter.status) query = query.where('p.status', '=', filter.status);
  if (filter.id) query = query.where('p.id', '=', filter.id);
  const [items, total] = await Promise.all([
    query
      .select([
        'p.id',
        'p.cluster_id as clusterId',
        'p.cluster_label as clusterLabel',
        'p.title',
        'p.reason',
        'p.status',
        'p.created_at as createdAt',
        'cu.display_name as createdByName',
        'p.decided_at as decidedAt',
        'du.display_name as decidedByName',
        'p.decision_note as decisionNote',
        sql<number>`cardinality(p.unit_ids)`.as('unitCount'),
        sql<number>`cardinality(p.finding_ids)`.as('findingCount'),
        unitNames('p.unit_ids').as('unitNames'),
      ])
      .orderBy('p.created_at', 'desc')
      .orderBy('p.id', 'desc')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
