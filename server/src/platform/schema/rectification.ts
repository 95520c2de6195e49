// Table types added by migration 0010_rectification.sql (rectification cases, 整改方案, calendar,
// notifications, reports and evaluations, 督办, 回访, 问责, publication).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<string, string | undefined, string>;
type Json = ColumnType<unknown, string | undefined, string>;
type NullableJson = ColumnType<unknown, string | null | undefined, string | null>;

export interface WorkCalendarDayTable {
  day: string;
  kind: string;
  name: string;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface RectificationTable {
  id: Generated<string>;
  committee_id: string;
  inspection_id: string;
  unit_id: string;
  feedback_date: string;
  status: Generated<string>;
  signed_off_by: string | null;
  signed_off_at: string | null;
  sign_off_comment: string | null;
  created_at: Timestamp;
}

export interface RectificationPlanTable {
  id: Generated<string>;
  rectification_id: string;
  committee_id: string;
  inspection_id: string;
  unit_id: string;
  status: Generated<string>;
  current_version: Generated<number>;
  submitted_version: number | null;
  returned_count: Generated<number>;
  updated_at: Timestamp;
}

export interface RectificationPlanVersionTable {
  plan_id: string;
  version: number;
  content: string;
  lists_snapshot: Json;
  note: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface RectificationPlanEventTable {
  id: Generated<string>;
  seq: Generated<number>;
  plan_id: string;
  event: string;
  from_status: string | null;
  to_status: string;
  version: number | null;
  review: NullableJson;
  comment: string | null;
  actor_id: string;
  at: Timestamp;
}

export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  title: string;
  body: Generated<string>;
  link: string | null;
  subject_type: string | null;
  subject_id: string | null;
  dedupe_key: string | null;
  created_at: Timestamp;
  read_at: string | null;
}

export interface NotificationDeliveryTable {
  notification_id: string;
  channel: string;
  status: string;
  error: string | null;
  at: Timestamp;
}

export interface SweepRunTable {
  id: Generated<string>;
  started_at: Timestamp;
  finished_at: string | null;
  as_of: string;
  created: Generated<number>;
  details: Json;
}

export interface RectificationReportTable {
  id: Generated<string>;
  rectification_id: string;
  committee_id: string;
  unit_id: string;
  kind: string;
  period: string | null;
  title: string;
  content: string | null;
  file_name: string | null;
  stored_name: string | null;
  mime: string | null;
  size: number | null;
  sm3: string | null;
  submitted_by: string;
  submitted_at: Timestamp;
  superseded_at: string | null;
}

export interface RectificationEvaluationTable {
  id: Generated<string>;
  rectification_id: string;
  committee_id: string;
  result: string;
  comment: string;
  remedial_due: string | null;
  evaluated_by: string;
  evaluated_at: Timestamp;
}

export interface SupervisionOrderTable {
  id: Generated<string>;
  committee_id: string;
  rectification_id: string;
  unit_id: string;
  task_id: string | null;
  year: number;
  seq: number;
  reason: string;
  content: string;
  response_due: string;
  status: Generated<string>;
  response: string | null;
  responded_by: string | null;
  responded_at: string | null;
  escalated_at: string | null;
  closed_at: string | null;
  issued_by: string;
  issued_at: Timestamp;
  updated_at: Timestamp;
}

export interface SupervisionEventTable {
  id: Generated<string>;
  seq: Generated<number>;
  order_id: string;
  event: string;
  from_status: string | null;
  to_status: string;
  comment: string | null;
  actor_id: string | null;
  at: Timestamp;
}

export interface RevisitTable {
  id: Generated<string>;
  committee_id: string;
  rectification_id: string;
  unit_id: string;
  kind: string;
  planned_on: string;
  status: Generated<string>;
  conducted_on: string | null;
  summary: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RevisitOutcomeTable {
  revisit_id: string;
  task_id: string;
  outcome: string;
  note: string | null;
  reopened: Generated<boolean>;
  new_finding_id: string | null;
  recorded_by: string;
  at: Timestamp;
}

export interface AccountabilityTable {
  id: Generated<string>;
  committee_id: string;
  rectification_id: string;
  unit_id: string;
  person_name: string;
  person_post: string;
  ground: string;
  facts: string;
  proposed_measure: string;
  status: Generated<string>;
  decided_measure: string | null;
  decision_doc_no: string | null;
  decided_on: string | null;
  decision_comment: string | null;
  task_ids: ColumnType<string[], string[] | undefined, string[]>;
  finding_ids: ColumnType<string[], string[] | undefined, string[]>;
  proposed_by: string;
  proposed_at: Timestamp;
  updated_at: Timestamp;
}

export interface AccountabilityEventTable {
  id: Generated<string>;
  seq: Generated<number>;
  accountability_id: string;
  event: string;
  from_status: string | null;
  to_status: string;
  comment: string | null;
  actor_id: string;
  at: Timestamp;
}

export interface PublicationTable {
  id: Generated<string>;
  committee_id: string;
  rectification_id: string;
  channel: string;
  published_on: string;
  title: string;
  summary: string;
  created_by: string;
  created_at: Timestamp;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
}

export interface RectificationTables {
  work_calendar_day: WorkCalendarDayTable;
  rectification: RectificationTable;
  rectification_plan: RectificationPlanTable;
  rectification_plan_version: RectificationPlanVersionTable;
  rectification_plan_event: RectificationPlanEventTable;
  notification: NotificationTable;
  notification_delivery: NotificationDeliveryTable;
  sweep_run: SweepRunTable;
  rectification_report: RectificationReportTable;
  rectification_evaluation: RectificationEvaluationTable;
  supervision_order: SupervisionOrderTable;
  supervision_event: SupervisionEventTable;
  revisit: RevisitTable;
  revisit_outcome: RevisitOutcomeTable;
  accountability: AccountabilityTable;
  accountability_event: AccountabilityEventTable;
  publication: PublicationTable;
}
