// Table types of 0021_rectification_signal.sql, added to the shared DB type where this module queries them.
import type { ColumnType, Generated } from 'kysely';
import type { Db, Tx } from '../../platform/db.ts';

type Timestamp = ColumnType<string, string | undefined, string>;

export type RectificationSignalTable = {
  task_id: string;
  committee_id: string;
  unit_id: string;
  inspection_id: string;
  thin_evidence: Generated<boolean>;
  bulk_close: Generated<boolean>;
  rebound: Generated<boolean>;
  details: ColumnType<unknown, string, string>;
  status: Generated<string>;
  note: string | null;
  handled_by: string | null;
  handled_at: string | null;
  scan_id: string;
  first_detected_at: Timestamp;
  detected_at: Timestamp;
  closed_on: string | null;
};

export type RectificationSignalScanTable = {
  id: Generated<string>;
  committee_id: string;
  scanned_at: Timestamp;
  scanned_by: string | null;
  flagged: number;
  cleared: number;
};

export type SignalTables = {
  rectification_signal: RectificationSignalTable;
  rectification_signal_scan: RectificationSignalScanTable;
};

export const signalDb = (db: Db) => db.withTables<SignalTables>();
export const signalTx = (tx: Tx) => tx.withTables<SignalTables>();
