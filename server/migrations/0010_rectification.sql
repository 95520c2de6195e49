-- Rectification and supervision (issue 6, DOMAIN.md §6–§7): the per-inspection rectification case
-- and its sign-off (见底清零), the 整改方案 with versions, the ledger fields of findings and tasks,
-- the working-day calendar, notifications and reminders, progress/rectification/duty reports and the
-- office's evaluation, 督办单, 回访/回头看, 问责 and publication (开门整改).

-- Time limits may now be counted in working days (整改方案: 15 个工作日).
ALTER TABLE committee_time_limit DROP CONSTRAINT committee_time_limit_unit_check;
ALTER TABLE committee_time_limit ADD CONSTRAINT committee_time_limit_unit_check
  CHECK (unit IN ('day', 'working_day', 'month'));

-- ── Working-day calendar ────────────────────────────────────────────────────────────────────
-- Only exceptions are stored: a weekday that is a public holiday (kind 'holiday') or a weekend day
-- that is worked (调休, kind 'workday'). Every other Monday–Friday is a working day.
CREATE TABLE work_calendar_day (
  day date PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name text NOT NULL,
  updated_by uuid REFERENCES app_user(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- ── The rectification case: one per inspection once feedback is issued ─────────────────────
CREATE TABLE rectification (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL REFERENCES committee(id),
  inspection_id uuid NOT NULL UNIQUE REFERENCES inspection(id),
  unit_id uuid NOT NULL REFERENCES org_unit(id),
  feedback_date date NOT NULL,
  -- 'rectifying' until the office signs off (见底清零) → 'signed_off'
  status text NOT NULL DEFAULT 'rectifying' CHECK (status IN ('rectifying', 'signed_off')),
  signed_off_by uuid REFERENCES app_user(id),
  signed_off_at timestamptz,
  sign_off_comment text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'signed_off') = (signed_off_at IS NOT NULL))
);
CREATE INDEX rectification_committee_idx ON rectification (committee_id, status);
CREATE INDEX rectification_unit_idx ON rectification (unit_id);

-- ── 整改方案 ─────────────────────────────────────────────────────────────────────────────────
CREATE TABLE rectification_plan (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  rectification_id uuid NOT NULL UNIQUE REFERENCES rectification(id),
  committee_id uuid NOT NULL REFERENCES committee(id),
  inspection_id uuid NOT NULL REFERENCES inspection(id),
  unit_id uuid NOT NULL REFERENCES org_unit(id),
  status text NOT NULL DEFAULT 'draft',
  current_version int NOT NULL DEFAULT 0,
  submitted_version int,
  returned_count int NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rectification_plan_committee_idx ON rectification_plan (committee_id, status);

-- The feedback date starts the rectification clocks (DOMAIN.md §5): whatever path sets it (the feedback
-- use case, an import, the demo), the case and its empty 整改方案 exist from that moment.
CREATE FUNCTION open_rectification() RETURNS trigger AS $$
BEGIN
  IF NEW.feedback_date IS NOT NULL THEN
    INSERT INTO rectification (committee_id, inspection_id, unit_id, feedback_date)
    VALUES (NEW.committee_id, NEW.id, NEW.unit_id, NEW.feedback_date)
    ON CONFLICT (inspection_id) DO UPDATE SET feedback_date = EXCLUDED.feedback_date;
    INSERT INTO rectification_plan (rectification_id, committee_id, inspection_id, unit_id)
    SELECT r.id, r.committee_id, r.inspection_id, r.unit_id FROM rectification r WHERE r.inspection_id = NEW.id
    ON CONFLICT (rectification_id) DO NOTHING;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER inspection_opens_rectification
  AFTER INSERT OR UPDATE OF feedback_date ON inspection
  FOR EACH ROW EXECUTE FUNCTION open_rectification();
-- cases for inspections whose feedback was issued before this migration
UPDATE inspection SET feedback_date = feedback_date WHERE feedback_date IS NOT NULL;

CREATE TABLE rectification_plan_version (
  plan_id uuid NOT NULL REFERENCES rectification_plan(id),
  version int NOT NULL,
  -- 总体要求、组织领导、工作措施 … as written by the unit
  content text NOT NULL,
  -- the three lists as they stood when the version was saved: [{findingId, findingTitle, tasks: […]}]
  lists_snapshot jsonb NOT NULL DEFAULT '[]',
  note text,
  created_by uuid NOT NULL REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (plan_id, version)
);

CREATE TABLE rectification_plan_event (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY,
  plan_id uuid NOT NULL REFERENCES rectification_plan(id),
  event text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  version int,
  -- the office's review: {completeness, pertinence, feasibility: {ok: boolean, comment}} and reasons
  review jsonb,
  comment text,
  actor_id uuid NOT NULL REFERENCES app_user(id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rectification_plan_event_plan_idx ON rectification_plan_event (plan_id, seq);

-- ── Ledger fields of findings and tasks (三张清单) ──────────────────────────────────────────
ALTER TABLE finding
  ADD COLUMN completion text NOT NULL DEFAULT 'not_done'
    CHECK (completion IN ('not_done', 'basically_done', 'done')),
  ADD COLUMN ongoing boolean NOT NULL DEFAULT false,          -- 是否常态化坚持
  ADD COLUMN done_in_period boolean,                          -- 是否集中整改期内完成 (NULL: not yet known)
  ADD COLUMN key_focus boolean NOT NULL DEFAULT false,        -- 是否重点关注
  ADD COLUMN origin_finding_id uuid REFERENCES finding(id);   -- a 回访 that found 反弹 files a new finding
CREATE INDEX finding_origin_idx ON finding (origin_finding_id) WHERE origin_finding_id IS NOT NULL;
-- 整改进度 (rectification-dashboard): fed-back findings per unit of a committee from the index alone.
CREATE INDEX finding_fed_back_unit_idx ON finding (committee_id, unit_id) WHERE status = 'fed_back';

ALTER TABLE task
  ADD COLUMN next_checkpoint date,                            -- 阶段性完成: when to look again
  ADD COLUMN returned_count int NOT NULL DEFAULT 0,
  ADD COLUMN reopened_count int NOT NULL DEFAULT 0,
  ADD COLUMN closed_at timestamptz;
-- 整改进度 (rectification-dashboard). Counting a committee's 100,000 tasks per request cost 150–190 ms at
-- 1,000,000 tasks (bench), so the counters that do not depend on today are kept per unit and inspection in
-- task_unit_summary, refreshed in the same statement as every task write (statement trigger over the
-- transition tables: a 50,000-row import is one upsert per unit, not 50,000). Overdue and its ageing depend
-- on today, so they are never stored: they are counted from the open tasks past due, task_open_due_unit_idx.
CREATE TABLE task_unit_summary (
  committee_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  inspection_id uuid NOT NULL,
  tasks int NOT NULL DEFAULT 0,
  closed int NOT NULL DEFAULT 0,
  partly_closed int NOT NULL DEFAULT 0,
  -- closed on or before the due date (Shanghai day; a task closed before issue 6 has no closed_at: updated_at)
  closed_on_time int NOT NULL DEFAULT 0,
  returned int NOT NULL DEFAULT 0,           -- returned_count > 0
  reopened int NOT NULL DEFAULT 0,           -- reopened_count > 0 (反弹)
  ever_closed int NOT NULL DEFAULT 0,        -- closed or partly closed now, or reopened since
  PRIMARY KEY (committee_id, unit_id, inspection_id)
);
-- The statement adding the rows of `source` (task rows with a `sign`: +1 new, −1 old) to the summary, for the
-- trigger and the backfill: one upsert per unit and inspection, in key order (two concurrent statements lock
-- the rows in the same order); groups whose counts do not move (a title edit) are not written at all.
CREATE FUNCTION task_unit_summary_sql(source text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT format($sql$
    INSERT INTO task_unit_summary AS s (committee_id, unit_id, inspection_id, tasks, closed, partly_closed,
      closed_on_time, returned, reopened, ever_closed)
    SELECT committee_id, unit_id, inspection_id, d.tasks, d.closed, d.partly_closed, d.closed_on_time, d.returned,
      d.reopened, d.ever_closed
    FROM (
      SELECT committee_id, unit_id, inspection_id, sum(sign) AS tasks,
        sum(sign * (status = 'closed')::int) AS closed,
        sum(sign * (status = 'partly_closed')::int) AS partly_closed,
        sum(sign * (status = 'closed'
          AND (coalesce(closed_at, updated_at) AT TIME ZONE 'Asia/Shanghai')::date <= due_date)::int) AS closed_on_time,
        sum(sign * (returned_count > 0)::int) AS returned,
        sum(sign * (reopened_count > 0)::int) AS reopened,
        sum(sign * (status IN ('closed', 'partly_closed') OR reopened_count > 0)::int) AS ever_closed
      FROM (%s) delta
      GROUP BY committee_id, unit_id, inspection_id
    ) d
    WHERE (d.tasks, d.closed, d.partly_closed, d.closed_on_time, d.returned, d.reopened, d.ever_closed)
      <> (0, 0, 0, 0, 0, 0, 0)
    ORDER BY committee_id, unit_id, inspection_id
    ON CONFLICT (committee_id, unit_id, inspection_id) DO UPDATE SET
      tasks = s.tasks + EXCLUDED.tasks, closed = s.closed + EXCLUDED.closed,
      partly_closed = s.partly_closed + EXCLUDED.partly_closed,
      closed_on_time = s.closed_on_time + EXCLUDED.closed_on_time, returned = s.returned + EXCLUDED.returned,
      reopened = s.reopened + EXCLUDED.reopened, ever_closed = s.ever_closed + EXCLUDED.ever_closed
  $sql$, source)
$fn$;
CREATE FUNCTION task_unit_summary_refresh() RETURNS trigger AS $$
BEGIN
  -- the transition tables are visible to this function's own statements only, hence EXECUTE here
  EXECUTE task_unit_summary_sql(CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, * FROM old_rows'
    ELSE 'SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1 AS sign, * FROM old_rows' END);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER task_unit_summary_insert AFTER INSERT ON task REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION task_unit_summary_refresh();
CREATE TRIGGER task_unit_summary_update AFTER UPDATE ON task REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION task_unit_summary_refresh();
CREATE TRIGGER task_unit_summary_delete AFTER DELETE ON task REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION task_unit_summary_refresh();
CREATE FUNCTION task_unit_summary_truncate() RETURNS trigger AS $$
BEGIN
  DELETE FROM task_unit_summary;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER task_unit_summary_truncate AFTER TRUNCATE ON task
  FOR EACH STATEMENT EXECUTE FUNCTION task_unit_summary_truncate();
-- the tasks already in the table (issue 3)
DO $$ BEGIN EXECUTE task_unit_summary_sql('SELECT 1 AS sign, * FROM task'); END $$;
-- 整改进度: a committee's open tasks past due, by due date, with what the scope and the per-unit grouping need.
CREATE INDEX task_open_due_unit_idx ON task (committee_id, due_date) INCLUDE (unit_id, inspection_id)
  WHERE status <> 'closed';

-- 对账销号: what the verifier checked, against which evidence
ALTER TABLE task_event ADD COLUMN details jsonb;

-- Evidence types beyond files: 制度 (建章立制), money recovered, persons handled.
ALTER TABLE evidence
  ADD COLUMN institution_name text,
  ADD COLUMN institution_doc_no text,
  ADD COLUMN institution_date date,
  ADD COLUMN persons_count int CHECK (persons_count IS NULL OR persons_count >= 0),
  ADD COLUMN persons_note text;

-- ── Notifications and reminders ───────────────────────────────────────────────────────────────
CREATE TABLE notification (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES app_user(id),
  kind text NOT NULL,
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  -- a path in the web app ('/tasks/…') the notice links to
  link text,
  subject_type text,
  subject_id uuid,
  -- one notice per (user, key): the sweep may run any number of times, in any number of processes
  dedupe_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  UNIQUE (user_id, dedupe_key)
);
CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC);
CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL;

-- Messages handed to outside channels (e-mail/SMS adapters); the in-app notice is the source.
CREATE TABLE notification_delivery (
  notification_id uuid NOT NULL REFERENCES notification(id),
  channel text NOT NULL,
  status text NOT NULL CHECK (status IN ('sent', 'failed')),
  error text,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (notification_id, channel)
);

CREATE TABLE sweep_run (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  as_of date NOT NULL,
  created int NOT NULL DEFAULT 0,
  -- {reminders: n, escalations: n, …}
  details jsonb NOT NULL DEFAULT '{}'
);

-- ── Reports during and after rectification, and the office's evaluation ──────────────────────
CREATE TABLE rectification_report (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  rectification_id uuid NOT NULL REFERENCES rectification(id),
  committee_id uuid NOT NULL REFERENCES committee(id),
  unit_id uuid NOT NULL REFERENCES org_unit(id),
  -- progress: monthly 整改进展报告; rectification: 整改报告; duty: 主要负责人组织落实整改工作履职报告
  kind text NOT NULL CHECK (kind IN ('progress', 'rectification', 'duty')),
  -- 'YYYY-MM' for a monthly progress report, NULL otherwise
  period text,
  title text NOT NULL,
  content text,
  file_name text,
  stored_name text,
  mime text,
  size bigint,
  sm3 text,
  submitted_by uuid NOT NULL REFERENCES app_user(id),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  -- a resubmission supersedes the earlier one of the same kind and period (kept, not deleted)
  superseded_at timestamptz,
  CHECK (content IS NOT NULL OR stored_name IS NOT NULL)
);
CREATE INDEX rectification_report_case_idx ON rectification_report (rectification_id, kind, period);
-- one current report per kind and period: two resubmissions racing each other cannot both stay current
CREATE UNIQUE INDEX rectification_report_current_idx
  ON rectification_report (rectification_id, kind, coalesce(period, '')) WHERE superseded_at IS NULL;

CREATE TABLE rectification_evaluation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  rectification_id uuid NOT NULL REFERENCES rectification(id),
  committee_id uuid NOT NULL REFERENCES committee(id),
  result text NOT NULL CHECK (result IN ('pass', 'basic_pass', 'fail')),
  comment text NOT NULL,
  -- 不合格 → 补课: the new deadline for the remedial work
  remedial_due date,
  evaluated_by uuid NOT NULL REFERENCES app_user(id),
  evaluated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((result = 'fail') = (remedial_due IS NOT NULL))
);
CREATE INDEX rectification_evaluation_case_idx ON rectification_evaluation (rectification_id, evaluated_at DESC);

-- ── 督查督办 ─────────────────────────────────────────────────────────────────────────────────
CREATE TABLE supervision_order (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL REFERENCES committee(id),
  rectification_id uuid NOT NULL REFERENCES rectification(id),
  unit_id uuid NOT NULL REFERENCES org_unit(id),
  task_id uuid REFERENCES task(id),
  year int NOT NULL,
  seq int NOT NULL,
  reason text NOT NULL,
  content text NOT NULL,
  response_due date NOT NULL,
  status text NOT NULL DEFAULT 'issued',
  response text,
  responded_by uuid REFERENCES app_user(id),
  responded_at timestamptz,
  escalated_at timestamptz,
  closed_at timestamptz,
  issued_by uuid NOT NULL REFERENCES app_user(id),
  issued_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (committee_id, year, seq)
);
CREATE INDEX supervision_order_committee_idx ON supervision_order (committee_id, status, response_due);
CREATE INDEX supervision_order_unit_idx ON supervision_order (unit_id, status);
CREATE INDEX supervision_order_task_idx ON supervision_order (task_id) WHERE task_id IS NOT NULL;

CREATE TABLE supervision_event (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY,
  order_id uuid NOT NULL REFERENCES supervision_order(id),
  event text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  comment text,
  -- NULL when the reminder sweep escalated it
  actor_id uuid REFERENCES app_user(id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX supervision_event_order_idx ON supervision_event (order_id, seq);

-- ── 回访 / 回头看 ────────────────────────────────────────────────────────────────────────────
CREATE TABLE revisit (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL REFERENCES committee(id),
  rectification_id uuid NOT NULL REFERENCES rectification(id),
  unit_id uuid NOT NULL REFERENCES org_unit(id),
  kind text NOT NULL CHECK (kind IN ('revisit', 'look_back')),
  planned_on date NOT NULL,
  status text NOT NULL DEFAULT 'planned',
  conducted_on date,
  summary text,
  created_by uuid NOT NULL REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX revisit_committee_idx ON revisit (committee_id, status, planned_on);
CREATE INDEX revisit_case_idx ON revisit (rectification_id);

CREATE TABLE revisit_outcome (
  revisit_id uuid NOT NULL REFERENCES revisit(id),
  task_id uuid NOT NULL REFERENCES task(id),
  outcome text NOT NULL CHECK (outcome IN ('stable', 'rebound')),
  note text,
  -- 反弹: either the task was reopened, or a new finding was filed (linked to the original)
  reopened boolean NOT NULL DEFAULT false,
  new_finding_id uuid REFERENCES finding(id),
  recorded_by uuid NOT NULL REFERENCES app_user(id),
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (revisit_id, task_id)
);

-- ── 问责 ─────────────────────────────────────────────────────────────────────────────────────
CREATE TABLE accountability (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL REFERENCES committee(id),
  rectification_id uuid NOT NULL REFERENCES rectification(id),
  unit_id uuid NOT NULL REFERENCES org_unit(id),
  person_name text NOT NULL,
  person_post text NOT NULL,
  ground text NOT NULL,
  facts text NOT NULL,
  proposed_measure text NOT NULL,
  status text NOT NULL DEFAULT 'proposed',
  decided_measure text,
  decision_doc_no text,
  decided_on date,
  decision_comment text,
  task_ids uuid[] NOT NULL DEFAULT '{}',
  finding_ids uuid[] NOT NULL DEFAULT '{}',
  proposed_by uuid NOT NULL REFERENCES app_user(id),
  proposed_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'decided') = (decided_measure IS NOT NULL))
);
CREATE INDEX accountability_committee_idx ON accountability (committee_id, status);
CREATE INDEX accountability_unit_idx ON accountability (unit_id);

CREATE TABLE accountability_event (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY,
  accountability_id uuid NOT NULL REFERENCES accountability(id),
  event text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  comment text,
  actor_id uuid NOT NULL REFERENCES app_user(id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX accountability_event_idx ON accountability_event (accountability_id, seq);

-- ── 开门整改: what was published, where and when ────────────────────────────────────────────
CREATE TABLE publication (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL REFERENCES committee(id),
  rectification_id uuid NOT NULL REFERENCES rectification(id),
  channel text NOT NULL CHECK (channel IN ('internal', 'public')),
  published_on date NOT NULL,
  title text NOT NULL,
  -- the text as published; only what was written for publication, never copied confidential fields
  summary text NOT NULL,
  created_by uuid NOT NULL REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz,
  withdrawn_by uuid REFERENCES app_user(id)
);
CREATE INDEX publication_case_idx ON publication (rectification_id);
