// Table types added by migration 0008_fieldwork.sql (fieldwork, clues, findings' links, good practices,
// meetings, report/feedback drafts, handovers, time limits).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<string, string | undefined, string>;
type Json = ColumnType<unknown, string, string>;

export interface CommitteeTimeLimitTable {
  committee_id: string;
  code: string;
  amount: number;
  unit: string;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface FieldworkRecordTable {
  id: Generated<string>;
  committee_id: string;
  inspection_id: string;
  unit_id: string;
  seq: number;
  kind: string;
  title: string;
  occurred_on: string;
  start_time: string | null;
  place: string | null;
  sensitive: boolean;
  /** 0014: generated from `sensitive` (敏感 ⇔ sealed notes), never written */
  sensitivity: Generated<string>;
  summary: string | null;
  summary_sealed: string | null;
  identity_sealed: string | null;
  details: Json;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FieldworkAttachmentTable {
  id: Generated<string>;
  record_id: string;
  file_name: string;
  stored_name: string;
  mime: string;
  size: number;
  sm3: string;
  uploaded_by: string;
  at: Timestamp;
}

export interface ClueTable {
  id: Generated<string>;
  committee_id: string;
  inspection_id: string;
  /** filled from the inspection by a trigger */
  round_id: Generated<string>;
  unit_id: string;
  seq: number;
  category: string;
  source: string;
  status: Generated<string>;
  received_on: string;
  source_record_id: string | null;
  content_sealed: string;
  whistleblower_sealed: string | null;
  /** 0014: 公开/内部/敏感 (sensitive by default) */
  sensitivity: Generated<string>;
  registered_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ClueEventTable {
  id: Generated<string>;
  seq: Generated<number>;
  clue_id: string;
  event: string;
  from_status: string | null;
  to_status: string;
  actor_id: string;
  reason: string | null;
  at: Timestamp;
}

export interface ClueGrantTable {
  id: Generated<string>;
  clue_id: string;
  user_id: string;
  reason: string;
  granted_by: string;
  granted_at: Timestamp;
  revoked_by: string | null;
  revoked_at: string | null;
}

export interface FindingEvidenceTable {
  finding_id: string;
  record_id: string;
  linked_by: string;
  linked_at: Timestamp;
  unlinked_by: string | null;
  unlinked_at: string | null;
}

export interface GoodPracticeTable {
  id: Generated<string>;
  committee_id: string;
  inspection_id: string;
  unit_id: string;
  title: string;
  content: string;
  areas: string[];
  promote: Generated<boolean>;
  created_by: string;
  created_at: Timestamp;
}

export interface MeetingTable {
  id: Generated<string>;
  committee_id: string;
  kind: string;
  title: string;
  held_on: string;
  place: string | null;
  host: string;
  attendees: string[];
  absentees: Generated<string[]>;
  recorder: string | null;
  summary: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface MeetingDecisionTable {
  id: Generated<string>;
  meeting_id: string;
  seq: number;
  kind: string;
  inspection_id: string | null;
  content: string;
}

export interface ReportTable {
  id: Generated<string>;
  inspection_id: string;
  kind: string;
  status: Generated<string>;
  current_version: Generated<number>;
  submitted_at: string | null;
  submitted_by: string | null;
  decided_at: string | null;
  decided_by: string | null;
  decision_comment: string | null;
  decision_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReportVersionTable {
  report_id: string;
  version: number;
  content: string;
  note: string | null;
  author_id: string;
  created_at: Timestamp;
}

export interface ReportEventTable {
  id: Generated<string>;
  seq: Generated<number>;
  report_id: string;
  event: string;
  from_status: string | null;
  to_status: string;
  version: number | null;
  actor_id: string;
  comment: string | null;
  decision_id: string | null;
  at: Timestamp;
}

export interface HandoverTable {
  id: Generated<string>;
  committee_id: string;
  inspection_id: string;
  unit_id: string;
  year: number;
  seq: number;
  kind: string;
  clue_id: string | null;
  finding_id: string | null;
  recipient: string;
  recipient_unit_id: string | null;
  recipient_name: string;
  status: Generated<string>;
  sent_on: string;
  due_date: string;
  letter_no: string | null;
  note: string | null;
  decision_id: string | null;
  sent_by: string;
  accepted_on: string | null;
  accepted_by: string | null;
  handler_name: string | null;
  disposition: string | null;
  result_sealed: string | null;
  concluded_on: string | null;
  closed_on: string | null;
  closed_by: string | null;
  decline_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface HandoverEventTable {
  id: Generated<string>;
  seq: Generated<number>;
  handover_id: string;
  event: string;
  from_status: string | null;
  to_status: string;
  actor_id: string;
  note: string | null;
  result_sealed: string | null;
  at: Timestamp;
}

export interface HandoverPersonTable {
  handover_id: string;
  seq: number;
  form: string | null;
  decided_on: string | null;
  superseded_at: string | null;
}

export interface FieldworkTables {
  committee_time_limit: CommitteeTimeLimitTable;
  fieldwork_record: FieldworkRecordTable;
  fieldwork_attachment: FieldworkAttachmentTable;
  clue: ClueTable;
  clue_event: ClueEventTable;
  clue_grant: ClueGrantTable;
  finding_evidence: FindingEvidenceTable;
  good_practice: GoodPracticeTable;
  meeting: MeetingTable;
  meeting_decision: MeetingDecisionTable;
  report: ReportTable;
  report_version: ReportVersionTable;
  report_event: ReportEventTable;
  handover: HandoverTable;
  handover_event: HandoverEventTable;
  handover_person: HandoverPersonTable;
}
