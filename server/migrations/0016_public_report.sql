-- 群众举报/意见 through the public channel (issue 8 §6, DOMAIN.md §7). The reporter's text, contact and
-- attachments are sealed (SM4-CBC + HMAC-SM3); the receipt code exists only as its SM3 digest, so neither a
-- database reader nor the team can look a report up by code. Plain columns hold what the inbox list and the
-- export may show (kind, status, dates, counts).

CREATE TABLE public_report (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL REFERENCES committee(id),
  inspection_id uuid NOT NULL REFERENCES inspection(id),
  seq int NOT NULL,
  kind text NOT NULL CHECK (kind IN ('report', 'opinion')),
  status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'in_progress', 'replied', 'transferred')),
  receipt_digest text NOT NULL UNIQUE,
  content_sealed text NOT NULL,
  -- NULL when the reporter chose to stay anonymous
  contact_sealed text,
  -- the team's answer shown on the status page (sealed: it may restate what was reported)
  reply_sealed text,
  replied_at timestamptz,
  converted_to text CHECK (converted_to IN ('petition', 'clue')),
  converted_id uuid,
  filed_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (inspection_id, seq),
  CHECK ((converted_to IS NULL) = (converted_id IS NULL))
);
CREATE INDEX public_report_inbox_idx ON public_report (inspection_id, filed_at DESC);

-- The file bytes are sealed on disk under stored_name; the name the reporter gave is sealed here.
CREATE TABLE public_report_attachment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id uuid NOT NULL REFERENCES public_report(id),
  name_sealed text NOT NULL,
  stored_name text NOT NULL,
  mime text NOT NULL,
  size bigint NOT NULL,
  sm3 text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX public_report_attachment_report_idx ON public_report_attachment (report_id);

-- Status history (the filing itself is the row; these are the team's steps).
CREATE TABLE public_report_event (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id uuid NOT NULL REFERENCES public_report(id),
  event text NOT NULL,
  from_status text NOT NULL,
  to_status text NOT NULL,
  actor_id uuid NOT NULL REFERENCES app_user(id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX public_report_event_report_idx ON public_report_event (report_id, at);

-- Designated readers of one inspection's reports; revoked, never deleted (the list is its history).
CREATE TABLE public_report_grant (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inspection_id uuid NOT NULL REFERENCES inspection(id),
  user_id uuid NOT NULL REFERENCES app_user(id),
  granted_by uuid NOT NULL REFERENCES app_user(id),
  granted_at timestamptz NOT NULL DEFAULT now(),
  revoked_by uuid REFERENCES app_user(id),
  revoked_at timestamptz
);
CREATE UNIQUE INDEX public_report_grant_live_idx ON public_report_grant (inspection_id, user_id) WHERE revoked_at IS NULL;

INSERT INTO permission (code, name) VALUES
  ('public_report.read', '查看群众举报/意见内容'),
  ('public_report.reply', '答复和办理群众举报/意见'),
  ('public_report.grant', '授权查看群众举报/意见');

-- The team leader reads and answers the reports of their inspection; the 巡察办主任 designates readers
-- but reads nothing by role (need-to-know: only the team leader and designated readers see the content).
INSERT INTO role_permission (role_code, permission_code) VALUES
  ('team_leader', 'public_report.read'),
  ('team_leader', 'public_report.reply'),
  ('team_leader', 'public_report.grant'),
  ('office_director', 'public_report.grant');
