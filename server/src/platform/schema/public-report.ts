// Table types added by migration 0016_public_report.sql (群众举报/意见 through the public channel).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<string, string | undefined, string>;

export interface PublicReportTable {
  id: Generated<string>;
  committee_id: string;
  inspection_id: string;
  seq: number;
  kind: string;
  status: Generated<string>;
  receipt_digest: string;
  content_sealed: string;
  contact_sealed: string | null;
  reply_sealed: string | null;
  replied_at: string | null;
  converted_to: string | null;
  converted_id: string | null;
  filed_at: Timestamp;
  updated_at: Timestamp;
}

export interface PublicReportAttachmentTable {
  id: Generated<string>;
  report_id: string;
  name_sealed: string;
  stored_name: string;
  mime: string;
  /** bigint: parsed to a number by db.ts */
  size: number;
  sm3: string;
  at: Timestamp;
}

export interface PublicReportEventTable {
  id: Generated<string>;
  report_id: string;
  event: string;
  from_status: string;
  to_status: string;
  actor_id: string;
  at: Timestamp;
}

export interface PublicReportGrantTable {
  id: Generated<string>;
  inspection_id: string;
  user_id: string;
  granted_by: string;
  granted_at: Timestamp;
  revoked_by: string | null;
  revoked_at: string | null;
}

export interface PublicReportTables {
  public_report: PublicReportTable;
  public_report_attachment: PublicReportAttachmentTable;
  public_report_event: PublicReportEventTable;
  public_report_grant: PublicReportGrantTable;
}
