-- Planning (DOMAIN.md §3): the term plan (届内全覆盖规划) with the units it must cover, the 巡察公告 of an
-- inspection, and the pre-inspection enquiries (函询/函调). Coverage itself is derived from inspections in SQL,
-- never stored.

-- A committee's term. Plans of one committee never overlap: checked by the service under a lock on the
-- committee row (an exclusion constraint would need btree_gist, which PGlite does not ship).
CREATE TABLE term_plan (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL REFERENCES committee(id),
  name text NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  rounds_per_year int NOT NULL DEFAULT 2 CHECK (rounds_per_year BETWEEN 1 AND 12),
  notes text,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (start_date < end_date)
);
CREATE INDEX term_plan_committee_idx ON term_plan (committee_id, start_date);

-- The units the plan must cover. Filled with every active unit of the committee when the plan is created;
-- a unit is excluded (with the reason) rather than removed, so the plan keeps its history.
CREATE TABLE term_plan_unit (
  term_plan_id uuid NOT NULL REFERENCES term_plan(id),
  unit_id uuid NOT NULL REFERENCES org_unit(id),
  included boolean NOT NULL DEFAULT true,
  reason text,
  planned_year int CHECK (planned_year BETWEEN 1900 AND 2100),
  updated_by uuid REFERENCES app_user(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (term_plan_id, unit_id)
);
-- coverage reads the included units of one plan and joins them to inspections by unit
CREATE INDEX term_plan_unit_included_idx ON term_plan_unit (term_plan_id, included, unit_id);

-- Coverage joins inspections of a unit within the term by start date: 0003_org.sql's
-- inspection_unit_start_idx (unit_id, start_date) serves it.
-- "rounds held in the term" for the forecast's pace
CREATE INDEX round_committee_start_idx ON round (committee_id, start_date);

-- 巡察公告: one per inspection. Saved as a draft (fields may be missing), published once.
CREATE TABLE announcement (
  inspection_id uuid PRIMARY KEY REFERENCES inspection(id),
  period_start date,
  period_end date,
  phone text,
  mailbox text,
  address text,
  email text,
  reception_hours text,
  published_at timestamptz,
  published_by uuid REFERENCES app_user(id),
  updated_by uuid REFERENCES app_user(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (period_start IS NULL OR period_end IS NULL OR period_start <= period_end)
);

-- 函询/函调: the office asks a recipient unit (纪委监委, 组织部, 信访, 审计, 政法) about the target's leadership.
-- Nothing is deleted: a mistaken enquiry is withdrawn with the reason.
CREATE TABLE enquiry (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL REFERENCES committee(id),
  inspection_id uuid NOT NULL REFERENCES inspection(id),
  recipient_unit_id uuid NOT NULL REFERENCES org_unit(id),
  recipient_kind text NOT NULL CHECK (recipient_kind IN ('discipline', 'organization', 'petition', 'audit', 'legal')),
  subject text NOT NULL,
  due_date date NOT NULL,
  status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'answered', 'withdrawn')),
  sent_by uuid NOT NULL REFERENCES app_user(id),
  sent_at timestamptz NOT NULL DEFAULT now(),
  answer text,
  answered_by uuid REFERENCES app_user(id),
  answered_at timestamptz,
  withdraw_reason text,
  withdrawn_by uuid REFERENCES app_user(id),
  withdrawn_at timestamptz
);
CREATE INDEX enquiry_inspection_idx ON enquiry (inspection_id, sent_at);
-- a respondent's inbox: enquiries addressed to their unit, open ones by due date
CREATE INDEX enquiry_recipient_idx ON enquiry (recipient_unit_id, status, due_date);
-- one open enquiry per recipient and inspection (a second one is a duplicate → 409)
CREATE UNIQUE INDEX enquiry_open_once_idx ON enquiry (inspection_id, recipient_unit_id) WHERE status = 'sent';
