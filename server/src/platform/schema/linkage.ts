// Table types added by migration 0022_linkage.sql (指导意见 and its receipts).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<string, string | undefined, string>;

export interface GuidanceTable {
  id: Generated<string>;
  committee_id: string;
  doc_no: string | null;
  title: string;
  body: string;
  target_all: boolean;
  target_committee_ids: Generated<string[]>;
  status: Generated<string>;
  created_by: string;
  created_at: Generated<string>;
  updated_at: Timestamp;
  published_by: string | null;
  published_at: string | null;
}

export interface GuidanceTargetTable {
  guidance_id: string;
  committee_id: string;
  ack: string | null;
  note: string | null;
  ack_by: string | null;
  ack_by_name: string | null;
  ack_at: string | null;
}

export interface LinkageTables {
  guidance: GuidanceTable;
  guidance_target: GuidanceTargetTable;
}
