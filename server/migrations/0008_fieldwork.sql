-- Fieldwork, clues, findings (立行立改, evidence links, 经验做法), report and feedback drafts, meetings
-- and handovers (issue 5, DOMAIN.md §4–§5). Sensitive text lives only in *_sealed columns (SM4 +
-- HMAC-SM3, platform/crypto/sealed.ts); plain columns hold what counts and lists may show.

-- Time limits per committee (按规定时限); a missing row means the default of contracts/time-limit.ts.
CREATE TABLE committee_time_limit (
  committee_id uuid NOT NULL REFERENCES committee(id),
  code text NOT NULL,
  amount int NOT NULL CHECK (amount BETWEEN 1 AND 365),
  unit text NOT NULL CHECK (unit IN ('day', 'month')),
  updated_by uuid REFERENCES app_user(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (committee_id, code)
);

-- ── Fieldwork (了解情况) ──────────────────────────────────────────────────────────────────────
CREATE TABLE fieldwork_record (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL REFERENCES committee(id),
  inspection_id uuid NOT NULL REFERENCES inspection(id),
  unit_id uuid NOT NULL REFERENCES org_unit(id),
  seq int NOT NULL,
  kind text NOT NULL,
  title text NOT NULL,
  occurred_on date NOT NULL,
  start_time text,
  place text,
  sensitive boolean NOT NULL,
  -- exactly one of the two holds the notes: plain when not sensitive, sealed when sensitive
  summary text,
  summary_sealed text,
  -- 来信来访: the person who wrote or came (name, contact), sealed; NULL when anonymous
  identity_sealed text,
  -- kind-specific fields (interviewee and post, document list, survey results …), validated by contracts
  details jsonb NOT NULL DEFAULT '{}',
  created_by uuid NOT NULL REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (inspection_id, seq),
  CHECK ((summary IS NULL) <> (summary_sealed IS NULL)),
  CHECK (sensitive = (summary_sealed IS NOT NULL))
);
CREATE INDEX fieldwork_record_inspection_idx ON fieldwork_record (inspection_id, kind, occurred_on DESC);
CREATE INDEX fieldwork_record_committee_idx ON fieldwork_record (committee_id, occurred_on DESC);

CREATE TABLE fieldwork_attachment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  record_id uuid NOT NULL REFERENCES fieldwork_record(id),
  file_name text NOT NULL,
  stored_name text NOT NULL,
  mime text NOT NULL,
  size bigint NOT NULL,
  sm3 text NOT NULL,
  uploaded_by uuid NOT NULL REFERENCES app_user(id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fieldwork_attachment_record_idx ON fieldwork_attachment (record_id);

-- ── Clues (问题线索) ─────────────────────────────────────────────────────────────────────────
CREATE TABLE clue (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL REFERENCES committee(id),
  inspection_id uuid NOT NULL REFERENCES inspection(id),
  -- filled from the inspection by a trigger: clues are numbered within their round (线索〔2026〕3-07), so
  -- two units inspected in one round never share a code
  round_id uuid NOT NULL REFERENCES round(id),
  unit_id uuid NOT NULL REFERENCES org_unit(id),
  seq int NOT NULL,
  category text NOT NULL,
  source text NOT NULL,
  status text NOT NULL DEFAULT 'registered',
  received_on date NOT NULL,
  source_record_id uuid REFERENCES fieldwork_record(id),
  -- subject person and post, allegation, evidence: one sealed JSON document
  content_sealed text NOT NULL,
  -- the person who reported it (保护群众): sealed, shown to nobody by default
  whistleblower_sealed text,
  registered_by uuid NOT NULL REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (round_id, seq)
);
CREATE FUNCTION clue_fill_round() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT round_id INTO NEW.round_id FROM inspection WHERE id = NEW.inspection_id;
  RETURN NEW;
END;
$$;
CREATE TRIGGER clue_fill_round BEFORE INSERT ON clue FOR EACH ROW EXECUTE FUNCTION clue_fill_round();
CREATE INDEX clue_committee_idx ON clue (committee_id, status);
CREATE INDEX clue_inspection_idx ON clue (inspection_id, seq);

CREATE TABLE clue_event (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY,
  clue_id uuid NOT NULL REFERENCES clue(id),
  event text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  actor_id uuid NOT NULL REFERENCES app_user(id),
  reason text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX clue_event_clue_idx ON clue_event (clue_id, seq);

-- Need-to-know grants of one clue to one more reader (a team member), with a reason; revoked, never deleted.
CREATE TABLE clue_grant (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  clue_id uuid NOT NULL REFERENCES clue(id),
  user_id uuid NOT NULL REFERENCES app_user(id),
  reason text NOT NULL,
  granted_by uuid NOT NULL REFERENCES app_user(id),
  granted_at timestamptz NOT NULL DEFAULT now(),
  revoked_by uuid REFERENCES app_user(id),
  revoked_at timestamptz
);
CREATE UNIQUE INDEX clue_grant_active_idx ON clue_grant (clue_id, user_id) WHERE revoked_at IS NULL;
CREATE INDEX clue_grant_user_idx ON clue_grant (user_id) WHERE revoked_at IS NULL;

-- ── Findings: 立行立改, evidence links, 经验做法 ─────────────────────────────────────────────────
-- An immediate finding (八项规定/四风 → 立行立改) is shown to the unit before the feedback, with its task.
ALTER TABLE finding ADD COLUMN immediate boolean NOT NULL DEFAULT false;
ALTER TABLE finding ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE task ADD COLUMN immediate boolean NOT NULL DEFAULT false;

-- An unlinked record keeps its row (nothing is deleted): unlinked_at is set, and linking again clears it;
-- every link and unlink is also in the audit log.
CREATE TABLE finding_evidence (
  finding_id uuid NOT NULL REFERENCES finding(id),
  record_id uuid NOT NULL REFERENCES fieldwork_record(id),
  linked_by uuid NOT NULL REFERENCES app_user(id),
  linked_at timestamptz NOT NULL DEFAULT now(),
  unlinked_by uuid REFERENCES app_user(id),
  unlinked_at timestamptz,
  PRIMARY KEY (finding_id, record_id)
);
CREATE INDEX finding_evidence_record_idx ON finding_evidence (record_id);

CREATE TABLE good_practice (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL REFERENCES committee(id),
  inspection_id uuid NOT NULL REFERENCES inspection(id),
  unit_id uuid NOT NULL REFERENCES org_unit(id),
  title text NOT NULL,
  content text NOT NULL,
  areas text[] NOT NULL DEFAULT '{}',
  -- 值得推广: the office may spread it to other units
  promote boolean NOT NULL DEFAULT false,
  created_by uuid NOT NULL REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX good_practice_inspection_idx ON good_practice (inspection_id);
CREATE INDEX good_practice_committee_idx ON good_practice (committee_id, created_at DESC);

-- ── Meetings that hear reports (领导小组会议 / 书记专题会) ────────────────────────────────────────
CREATE TABLE meeting (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL REFERENCES committee(id),
  kind text NOT NULL,
  title text NOT NULL,
  held_on date NOT NULL,
  place text,
  host text NOT NULL,
  attendees text[] NOT NULL,
  absentees text[] NOT NULL DEFAULT '{}',
  recorder text,
  summary text,
  created_by uuid NOT NULL REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meeting_committee_idx ON meeting (committee_id, held_on DESC);

CREATE TABLE meeting_decision (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meeting(id),
  seq int NOT NULL,
  kind text NOT NULL,
  inspection_id uuid REFERENCES inspection(id),
  content text NOT NULL,
  UNIQUE (meeting_id, seq)
);
CREATE INDEX meeting_decision_inspection_idx ON meeting_decision (inspection_id);

-- ── 巡察报告 and 反馈意见 drafts, with every version kept ───────────────────────────────────────
CREATE TABLE report (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inspection_id uuid NOT NULL REFERENCES inspection(id),
  kind text NOT NULL CHECK (kind IN ('report', 'feedback')),
  -- report: REPORT_STATUSES; feedback drafts stay 'draft' (issuing is the inspection's feedback step)
  status text NOT NULL DEFAULT 'draft',
  current_version int NOT NULL DEFAULT 0,
  submitted_at timestamptz,
  submitted_by uuid REFERENCES app_user(id),
  decided_at timestamptz,
  decided_by uuid REFERENCES app_user(id),
  decision_comment text,
  decision_id uuid REFERENCES meeting_decision(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (inspection_id, kind)
);

CREATE TABLE report_version (
  report_id uuid NOT NULL REFERENCES report(id),
  version int NOT NULL,
  content text NOT NULL,
  note text,
  author_id uuid NOT NULL REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (report_id, version)
);

CREATE TABLE report_event (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY,
  report_id uuid NOT NULL REFERENCES report(id),
  event text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  version int,
  actor_id uuid NOT NULL REFERENCES app_user(id),
  comment text,
  decision_id uuid REFERENCES meeting_decision(id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_event_report_idx ON report_event (report_id, seq);

-- ── Handovers (移交) ─────────────────────────────────────────────────────────────────────────
CREATE TABLE handover (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL REFERENCES committee(id),
  inspection_id uuid NOT NULL REFERENCES inspection(id),
  -- the inspected unit
  unit_id uuid NOT NULL REFERENCES org_unit(id),
  -- per committee and year: 移交〔2026〕7号
  year int NOT NULL,
  seq int NOT NULL,
  kind text NOT NULL CHECK (kind IN ('clue', 'cadre', 'other')),
  clue_id uuid REFERENCES clue(id),
  finding_id uuid REFERENCES finding(id),
  recipient text NOT NULL CHECK (recipient IN ('discipline', 'organization', 'department')),
  -- the competent department, for recipient = 'department'
  recipient_unit_id uuid REFERENCES org_unit(id),
  recipient_name text NOT NULL,
  status text NOT NULL DEFAULT 'sent',
  sent_on date NOT NULL,
  due_date date NOT NULL,
  letter_no text,
  note text,
  -- the meeting decision that approved it (经…会议研究同意)
  decision_id uuid REFERENCES meeting_decision(id),
  sent_by uuid NOT NULL REFERENCES app_user(id),
  accepted_on date,
  accepted_by uuid REFERENCES app_user(id),
  handler_name text,
  -- the latest (interim or final) disposition; the people and the narrative are in result_sealed
  disposition text,
  result_sealed text,
  concluded_on date,
  closed_on date,
  closed_by uuid REFERENCES app_user(id),
  decline_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (committee_id, year, seq),
  CHECK ((kind = 'clue') = (clue_id IS NOT NULL)),
  -- a problem handover names its finding; a clue may name the finding it bears on (成果运用台账 follows it)
  CHECK (kind = 'clue' OR finding_id IS NOT NULL),
  CHECK ((recipient = 'department') = (recipient_unit_id IS NOT NULL)),
  -- 件件有着落: nothing is reported concluded or closed without a result
  CHECK (status NOT IN ('concluded', 'closed') OR (result_sealed IS NOT NULL AND concluded_on IS NOT NULL)),
  CHECK (status <> 'closed' OR closed_on IS NOT NULL)
);
CREATE INDEX handover_committee_idx ON handover (committee_id, recipient, status, due_date);
CREATE INDEX handover_inspection_idx ON handover (inspection_id);
CREATE INDEX handover_finding_idx ON handover (finding_id);
CREATE INDEX handover_recipient_unit_idx ON handover (recipient_unit_id);
-- one live handover per clue and per finding: a declined one may be sent again
CREATE UNIQUE INDEX handover_clue_live_idx ON handover (clue_id) WHERE clue_id IS NOT NULL AND status <> 'declined';
CREATE UNIQUE INDEX handover_finding_live_idx ON handover (finding_id)
  WHERE finding_id IS NOT NULL AND kind <> 'clue' AND status <> 'declined';

CREATE TABLE handover_event (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY,
  handover_id uuid NOT NULL REFERENCES handover(id),
  event text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  actor_id uuid NOT NULL REFERENCES app_user(id),
  note text,
  -- the result as reported at this step (sealed): a result superseded after 要求补充 stays on record
  result_sealed text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX handover_event_handover_idx ON handover_event (handover_id, seq);

-- People handled, one row each, without names (those are sealed in handover.result_sealed): enough for
-- "persons handled by 形态" analytics without opening any clue.
CREATE TABLE handover_person (
  handover_id uuid NOT NULL REFERENCES handover(id),
  seq int NOT NULL,
  form text CHECK (form IN ('1', '2', '3', '4')),
  decided_on date,
  -- set when a later result replaces this one (要求补充 → 再次反馈); analytics count current rows only
  superseded_at timestamptz,
  PRIMARY KEY (handover_id, seq)
);
