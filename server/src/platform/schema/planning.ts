// Table types added by migration 0006_planning.sql (term plan, announcement, enquiries).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<string, string | undefined, string>;

export interface TermPlanTable {
  id: Generated<string>;
  committee_id: string;
  name: string;
  start_date: string;
  end_date: string;
  rounds_per_year: Generated<number>;
  notes: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TermPlanUnitTable {
  term_plan_id: string;
  unit_id: string;
  included: Generated<boolean>;
  reason: string | null;
  planned_year: number | null;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface AnnouncementTable {
  inspection_id: string;
  period_start: string | null;
  period_end: string | null;
  phone: string | null;
  mailbox: string | null;
  address: string | null;
  email: string | null;
  reception_hours: string | null;
  published_at: string | null;
  published_by: string | null;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface EnquiryTable {
  id: Generated<string>;
  committee_id: string;
  inspection_id: string;
  recipient_unit_id: string;
  recipient_kind: string;
  subject: string;
  due_date: string;
  status: Generated<string>;
  sent_by: string;
  sent_at: Timestamp;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
  withdraw_reason: string | null;
  withdrawn_by: string | null;
  withdrawn_at: string | null;
}

export interface PlanningTables {
  term_plan: TermPlanTable;
  term_plan_unit: TermPlanUnitTable;
  announcement: AnnouncementTable;
  enquiry: EnquiryTable;
}
