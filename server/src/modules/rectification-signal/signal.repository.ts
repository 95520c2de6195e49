// 整改不实预警: reads of the stored signals (list, per-unit summary, last scan) and the office's decision.
// Every read is confined to one resolved committee and the analytics filter (inspection `i`, unit `u`), so a
// signal of another committee is never in a result.
import type { SignalFilter, SignalListQuery, SignalStatus } from '@xuncha/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { Db, Tx } from '../../platform/db.ts';
import { pageWindow } from '../../platform/http/paging.ts';
import { inspectionConditions, type ResolvedFilter } from '../analytics/analytics.filter.ts';
import { signalDb, signalTx } from './signal.tables.ts';

type Narrowing = Pick<SignalFilter, 'kind' | 'unitId' | 'status'>;

const KIND_COLUMN = { thin_evidence: 's.thin_evidence', bulk_close: 's.bulk_close', rebound: 's.rebound' } as const;

/** Conditions on the signal alone (`s`): committee, then kind, unit and status (default: not cleared). */
function signalOnlyWhere(f: ResolvedFilter, n: Narrowing): RawBuilder<unknown>[] {
  const parts: RawBuilder<unknown>[] = [sql`s.committee_id = ${f.committeeId}`];
  parts.push(n.status ? sql`s.status = ${n.status}` : sql`s.status <> 'cleared'`);
  if (n.kind) parts.push(sql`${sql.ref(KIND_COLUMN[n.kind])}`);
  if (n.unitId) parts.push(sql`s.unit_id = ${n.unitId}`);
  return parts;
}

/** The WHERE of a signal row: its own conditions and the analytics filter on its inspection `i` and unit `u`. */
function signalWhere(f: ResolvedFilter, n: Narrowing): RawBuilder<boolean> {
  return sql<boolean>`${sql.join([...signalOnlyWhere(f, n), inspectionConditions(f, 'i', 'u')], sql` AND `)}`;
}

const FROM = sql`rectification_signal s
  JOIN inspection i ON i.id = s.inspection_id
  JOIN org_unit u ON u.id = s.unit_id`;

const SIGNAL_COUNT = sql`(s.thin_evidence::int + s.bulk_close::int + s.rebound::int)`;
const ORDER: Record<SignalListQuery['sort'], RawBuilder<unknown>> = {
  '-closedAt': sql`s.closed_on DESC NULLS LAST, s.task_id`,
  unitName: sql`u.name, t.seq, s.task_id`,
  '-signals': sql`${SIGNAL_COUNT} DESC, s.closed_on DESC NULLS LAST, s.task_id`,
  dueDate: sql`t.due_date, s.task_id`,
};

export interface SignalRecord {
  taskId: string;
  taskSeq: number;
  taskTitle: string;
  taskStatus: string;
  findingTitle: string;
  unitId: string;
  unitName: string;
  unitKind: string;
  roundName: string | null;
  rectificationId: string | null;
  dueDate: string;
  closedOn: string | null;
  thinEvidence: boolean;
  bulkClose: boolean;
  rebound: boolean;
  details: unknown;
  status: SignalStatus;
  note: string | null;
  handledByName: string | null;
  handledAt: string | null;
  detectedAt: string;
}

function selectRows(f: ResolvedFilter, n: Narrowing, order: RawBuilder<unknown>, limit: number | null, offset = 0) {
  const window = limit === null ? sql`` : sql`LIMIT ${limit} OFFSET ${offset}`;
  return sql<SignalRecord>`
    SELECT s.task_id AS "taskId", t.seq AS "taskSeq", t.title AS "taskTitle", t.status AS "taskStatus",
      fd.title AS "findingTitle", u.id AS "unitId", u.name AS "unitName", u.kind AS "unitKind",
      r.name AS "roundName", rc.id AS "rectificationId", t.due_date AS "dueDate", s.closed_on AS "closedOn",
      s.thin_evidence AS "thinEvidence", s.bulk_close AS "bulkClose", s.rebound, s.details, s.status, s.note,
      hb.display_name AS "handledByName", s.handled_at AS "handledAt", s.detected_at AS "detectedAt"
    FROM ${FROM}
    JOIN task t ON t.id = s.task_id
    JOIN finding fd ON fd.id = t.finding_id
    LEFT JOIN round r ON r.id = i.round_id
    LEFT JOIN rectification rc ON rc.inspection_id = s.inspection_id
    LEFT JOIN app_user hb ON hb.id = s.handled_by
    WHERE ${signalWhere(f, n)}
    ORDER BY ${order}
    ${window}`;
}

export async function listSignals(db: Db, f: ResolvedFilter, q: SignalListQuery) {
  const { limit, offset } = pageWindow(q);
  const [rows, count] = await Promise.all([
    selectRows(f, q, ORDER[q.sort], limit, offset).execute(db),
    sql<{ n: number }>`SELECT coalesce(sum(g.total), 0)::int AS n FROM ${grouped(f, q)}`.execute(db),
  ]);
  return { items: rows.rows, total: Number(count.rows[0]?.n ?? 0) };
}

/** Every matching signal in list order, for the export (bounded by the committee's flagged tasks). */
export async function* allSignals(db: Db, f: ResolvedFilter, q: Omit<SignalListQuery, 'page' | 'pageSize'>) {
  const batch = 1000;
  for (let offset = 0; ; offset += batch) {
    const { rows } = await selectRows(f, q, ORDER[q.sort], batch, offset).execute(db);
    yield* rows;
    if (rows.length < batch) return;
  }
}

export interface CountRecord {
  total: number;
  thinEvidence: number;
  bulkClose: number;
  rebound: number;
  open: number;
  confirmed: number;
  dismissed: number;
}

const COUNTS = sql`count(*)::int AS total,
  (count(*) FILTER (WHERE s.thin_evidence))::int AS "thinEvidence",
  (count(*) FILTER (WHERE s.bulk_close))::int AS "bulkClose",
  (count(*) FILTER (WHERE s.rebound))::int AS rebound,
  (count(*) FILTER (WHERE s.status = 'open'))::int AS open,
  (count(*) FILTER (WHERE s.status = 'confirmed'))::int AS confirmed,
  (count(*) FILTER (WHERE s.status = 'dismissed'))::int AS dismissed`;
const SUMS = sql`coalesce(sum(g.total), 0)::int AS total,
  coalesce(sum(g."thinEvidence"), 0)::int AS "thinEvidence", coalesce(sum(g."bulkClose"), 0)::int AS "bulkClose",
  coalesce(sum(g.rebound), 0)::int AS rebound, coalesce(sum(g.open), 0)::int AS open,
  coalesce(sum(g.confirmed), 0)::int AS confirmed, coalesce(sum(g.dismissed), 0)::int AS dismissed`;

/**
 * The counters per inspection and unit from the signals alone (rectification_signal_count_idx, index-only),
 * then joined to the few thousand inspections and units the analytics filter applies to: joining first made
 * every count walk the joins once per signal.
 */
function grouped(f: ResolvedFilter, n: Narrowing) {
  return sql`(SELECT s.inspection_id, s.unit_id, ${COUNTS}
      FROM rectification_signal s WHERE ${sql.join(signalOnlyWhere(f, n), sql` AND `)}
      GROUP BY s.inspection_id, s.unit_id) g
    JOIN inspection i ON i.id = g.inspection_id
    JOIN org_unit u ON u.id = g.unit_id
    WHERE ${inspectionConditions(f, 'i', 'u')}`;
}

export async function signalTotals(db: Db, f: ResolvedFilter): Promise<CountRecord> {
  const { rows } = await sql<CountRecord>`SELECT ${SUMS} FROM ${grouped(f, {})}`.execute(db);
  return rows[0] as CountRecord;
}

export type UnitCountRecord = CountRecord & { unitId: string; unitName: string; unitKind: string; units: number };

/** One page of units, most signals first, with the number of units (window count) for the pager. */
export async function unitCounts(db: Db, f: ResolvedFilter, page: { page: number; pageSize: number }) {
  const { limit, offset } = pageWindow(page);
  const { rows } = await sql<UnitCountRecord>`
    SELECT u.id AS "unitId", u.name AS "unitName", u.kind AS "unitKind", ${SUMS}, (count(*) OVER ())::int AS units
    FROM ${grouped(f, {})}
    GROUP BY u.id, u.name, u.kind
    ORDER BY sum(g.total) DESC, u.name, u.id
    LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return rows;
}

export async function lastScan(db: Db, committeeId: string) {
  return signalDb(db)
    .selectFrom('rectification_signal_scan as sc')
    .leftJoin('app_user as a', 'a.id', 'sc.scanned_by')
    .select(['sc.scanned_at as scannedAt', 'a.display_name as scannedByName', 'sc.flagged', 'sc.cleared'])
    .where('sc.committee_id', '=', committeeId)
    .orderBy('sc.scanned_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The signal of a task, with the committee it belongs to (the caller checks the grant). */
export async function findSignal(tx: Tx, taskId: string) {
  return signalTx(tx)
    .selectFrom('rectification_signal')
    .select(['task_id as taskId', 'committee_id as committeeId', 'status'])
    .where('task_id', '=', taskId)
    .executeTakeFirst();
}

/** 待核实 → 已核实/已排除; 0 rows when it was handled (or cleared) in the meantime. */
export async function handleSignal(
  tx: Tx,
  taskId: string,
  change: { status: 'confirmed' | 'dismissed'; note: string; userId: string; at: string },
) {
  const result = await signalTx(tx)
    .updateTable('rectification_signal')
    .set({ status: change.status, note: change.note, handled_by: change.userId, handled_at: change.at })
    .where('task_id', '=', taskId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
