// 数据报送交换: SQL only. The package's figures are aggregates over a committee's rounds that start within the
// period (one set-based statement, GROUP BY round with FILTER counters); the tables of 0023 keep the signing
// identity, the trusted keys and what was exported and imported.
import type { ExchangeListQuery } from '@xuncha/contracts';
import { type Insertable, sql } from 'kysely';
import type { Db, Tx } from '../../platform/db.ts';
import { countRows, pageWindow, withTotal } from '../../platform/http/paging.ts';
import type { ExchangeExportTable, ExchangeImportTable } from '../../platform/schema/exchange.ts';

export interface RoundFigures {
  name: string;
  year: number;
  seq: number;
  start_date: string;
  end_date: string;
  units: number;
  inspections: number;
  findings: number;
  party_leadership: number;
  party_building: number;
  strict_governance: number;
  anti_corruption: number;
  tasks: number;
  closed: number;
  overdue: number;
  handovers: number;
  handovers_concluded: number;
}

/**
 * One row per round of the committee starting within the period, its inspections' findings (by 四个方面),
 * tasks (closed; overdue = not closed and due before today, as in the task ledger) and live handovers
 * (a declined one does not count; concluded = result reported or closed). Each child table is aggregated
 * per round on its own before the join, so no counter is multiplied by another table's rows.
 */
export async function roundFigures(db: Db, committeeId: string, from: string, to: string, today: string) {
  const { rows } = await sql<RoundFigures>`
    WITH r AS (
      SELECT id, name, year, seq, start_date, end_date FROM round
      WHERE committee_id = ${committeeId} AND start_date BETWEEN ${from}::date AND ${to}::date
    ), ins AS (
      SELECT i.round_id, count(*)::int AS inspections, count(DISTINCT i.unit_id)::int AS units
      FROM inspection i JOIN r ON r.id = i.round_id GROUP BY i.round_id
    ), fin AS (
      SELECT i.round_id, count(*)::int AS findings,
        (count(*) FILTER (WHERE f.aspect = 'party_leadership'))::int AS party_leadership,
        (count(*) FILTER (WHERE f.aspect = 'party_building'))::int AS party_building,
        (count(*) FILTER (WHERE f.aspect = 'strict_governance'))::int AS strict_governance,
        (count(*) FILTER (WHERE f.aspect = 'anti_corruption'))::int AS anti_corruption
      FROM finding f JOIN inspection i ON i.id = f.inspection_id JOIN r ON r.id = i.round_id GROUP BY i.round_id
    ), tsk AS (
      SELECT i.round_id, count(*)::int AS tasks, (count(*) FILTER (WHERE t.status = 'closed'))::int AS closed,
        (count(*) FILTER (WHERE t.status <> 'closed' AND t.due_date < ${today}::date))::int AS overdue
      FROM task t JOIN inspection i ON i.id = t.inspection_id JOIN r ON r.id = i.round_id GROUP BY i.round_id
    ), hv AS (
      SELECT i.round_id, count(*)::int AS handovers,
        (count(*) FILTER (WHERE h.status IN ('concluded', 'closed')))::int AS handovers_concluded
      FROM handover h JOIN inspection i ON i.id = h.inspection_id JOIN r ON r.id = i.round_id
      WHERE h.status <> 'declined' GROUP BY i.round_id
    )
    SELECT r.name, r.year, r.seq, r.start_date, r.end_date,
      coalesce(ins.units, 0) AS units, coalesce(ins.inspections, 0) AS inspections,
      coalesce(fin.findings, 0) AS findings, coalesce(fin.party_leadership, 0) AS party_leadership,
      coalesce(fin.party_building, 0) AS party_building, coalesce(fin.strict_governance, 0) AS strict_governance,
      coalesce(fin.anti_corruption, 0) AS anti_corruption, coalesce(tsk.tasks, 0) AS tasks,
      coalesce(tsk.closed, 0) AS closed, coalesce(tsk.overdue, 0) AS overdue,
      coalesce(hv.handovers, 0) AS handovers, coalesce(hv.handovers_concluded, 0) AS handovers_concluded
    FROM r LEFT JOIN ins ON ins.round_id = r.id LEFT JOIN fin ON fin.round_id = r.id
      LEFT JOIN tsk ON tsk.round_id = r.id LEFT JOIN hv ON hv.round_id = r.id
    ORDER BY r.start_date, r.year, r.seq
    LIMIT 500`.execute(db);
  return rows.map((row) => ({ ...row, start_date: String(row.start_date), end_date: String(row.end_date) }));
}

/** Units inspected in the period's rounds, each counted once however many rounds visited it. */
export async function distinctUnits(db: Db, committeeId: string, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('inspection as i')
    .innerJoin('round as r', 'r.id', 'i.round_id')
    .where('r.committee_id', '=', committeeId)
    .where('r.start_date', '>=', from)
    .where('r.start_date', '<=', to)
    .select(sql<number>`count(DISTINCT i.unit_id)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const committee = (db: Db, id: string) =>
  db.selectFrom('committee').select(['id', 'name', 'level']).where('id', '=', id).executeTakeFirst();

export const identity = (db: Db | Tx) => db.selectFrom('exchange_identity').selectAll().executeTakeFirst();

/** First use: a concurrent first use loses the insert and reads the winner's identity. */
export async function insertIdentity(tx: Tx, values: { public_key: string; fingerprint: string; sealed: string }) {
  return tx
    .insertInto('exchange_identity')
    .values({ public_key: values.public_key, fingerprint: values.fingerprint, private_key_sealed: values.sealed })
    .onConflict((oc) => oc.column('singleton').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export const insertExport = (tx: Tx, values: Insertable<ExchangeExportTable>) =>
  tx.insertInto('exchange_export').values(values).execute();

export function exportPage(db: Db, committeeId: string, query: ExchangeListQuery) {
  const base = db.selectFrom('exchange_export as e').where('e.committee_id', '=', committeeId);
  const { limit, offset } = pageWindow(query);
  return withTotal(
    base
      .innerJoin('committee as c', 'c.id', 'e.committee_id')
      .innerJoin('app_user as u', 'u.id', 'e.exported_by')
      .select([
        'e.id',
        'c.name as committeeName',
        'e.period_from as from',
        'e.period_to as to',
        'e.digest',
        'e.fingerprint',
        'e.round_count as rounds',
        'u.display_name as exportedBy',
        'e.exported_at as exportedAt',
      ])
      .orderBy('e.exported_at', 'desc')
      .orderBy('e.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select(countRows).executeTakeFirstOrThrow(),
  );
}

export const exportPackage = (db: Db, id: string) =>
  db.selectFrom('exchange_export').select(['package', 'committee_id']).where('id', '=', id).executeTakeFirst();

const trustedColumns = [
  'k.id',
  'k.public_key as publicKey',
  'k.fingerprint',
  'k.source_committee_name as sourceCommitteeName',
  'k.note',
  'k.active',
  'u.display_name as registeredBy',
  'k.registered_at as registeredAt',
  'k.revoked_at as revokedAt',
] as const;

export function trustedKeyPage(db: Db, committeeId: string, query: ExchangeListQuery) {
  const base = db.selectFrom('exchange_trusted_key as k').where('k.committee_id', '=', committeeId);
  const { limit, offset } = pageWindow(query);
  return withTotal(
    base
      .innerJoin('app_user as u', 'u.id', 'k.registered_by')
      .select(trustedColumns)
      .orderBy('k.active', 'desc')
      .orderBy('k.registered_at', 'desc')
      .orderBy('k.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select(countRows).executeTakeFirstOrThrow(),
  );
}

export const trustedKey = (db: Db | Tx, id: string) =>
  db
    .selectFrom('exchange_trusted_key as k')
    .innerJoin('app_user as u', 'u.id', 'k.registered_by')
    .select([...trustedColumns, 'k.committee_id as committeeId'])
    .where('k.id', '=', id)
    .executeTakeFirst();

/** The active key of this fingerprint trusted by the committee, or the latest revoked one (for the message). */
export const trustedByFingerprint = (db: Db, committeeId: string, fingerprint: string) =>
  db
    .selectFrom('exchange_trusted_key')
    .select(['id', 'public_key', 'active', 'source_committee_name'])
    .where('committee_id', '=', committeeId)
    .where('fingerprint', '=', fingerprint)
    .orderBy('active', 'desc')
    .orderBy('registered_at', 'desc')
    .executeTakeFirst();

export const insertTrustedKey = (
  tx: Tx,
  values: {
    committee_id: string;
    public_key: string;
    fingerprint: string;
    source_committee_name: string;
    note: string | null;
    registered_by: string;
  },
) => tx.insertInto('exchange_trusted_key').values(values).returning('id').executeTakeFirstOrThrow();

/** Conditional: only an active key is revoked (0 rows → the caller answers 409). */
export const revokeTrustedKey = (tx: Tx, id: string, userId: string, at: string) =>
  tx
    .updateTable('exchange_trusted_key')
    .set({ active: false, revoked_by: userId, revoked_at: at })
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();

export const insertImport = (tx: Tx, values: Insertable<ExchangeImportTable>) =>
  tx.insertInto('exchange_import').values(values).returning('id').executeTakeFirstOrThrow();

const importColumns = [
  'm.id',
  'm.package_id as packageId',
  'm.source_committee_name as sourceCommitteeName',
  'm.source_committee_level as sourceCommitteeLevel',
  'k.source_committee_name as trustedName',
  'm.period_from as from',
  'm.period_to as to',
  'm.generated_at as generatedAt',
  'm.digest',
  'm.fingerprint',
  'm.statistics',
  'u.display_name as importedBy',
  'm.imported_at as importedAt',
] as const;

export function importPage(db: Db, committeeId: string, query: ExchangeListQuery) {
  const base = db.selectFrom('exchange_import as m').where('m.committee_id', '=', committeeId);
  const { limit, offset } = pageWindow(query);
  return withTotal(
    base
      .innerJoin('exchange_trusted_key as k', 'k.id', 'm.trusted_key_id')
      .innerJoin('app_user as u', 'u.id', 'm.imported_by')
      .select(importColumns)
      .orderBy('m.imported_at', 'desc')
      .orderBy('m.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select(countRows).executeTakeFirstOrThrow(),
  );
}

export const importDetail = (db: Db, id: string) =>
  db
    .selectFrom('exchange_import as m')
    .innerJoin('exchange_trusted_key as k', 'k.id', 'm.trusted_key_id')
    .innerJoin('app_user as u', 'u.id', 'm.imported_by')
    .select([...importColumns, 'm.rounds', 'm.committee_id as committeeId'])
    .where('m.id', '=', id)
    .executeTakeFirst();
