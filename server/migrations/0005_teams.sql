-- Teams (巡察组, DOMAIN.md §2): formed per round from the talent pool; one team may cover several
-- inspections of the round (一托N). Members sign the 八个严禁 pledge before they see fieldwork.

CREATE TABLE team (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL REFERENCES committee(id),
  round_id uuid NOT NULL REFERENCES round(id),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (round_id, name)
);
CREATE INDEX team_committee_idx ON team (committee_id, round_id);

CREATE TABLE team_member (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  team_id uuid NOT NULL REFERENCES team(id),
  cadre_id uuid NOT NULL REFERENCES cadre(id),
  -- 组长 / 副组长 / 组员 / 联络员
  post text NOT NULL CHECK (post IN ('leader', 'deputy_leader', 'member', 'liaison')),
  -- 临时党支部书记
  is_branch_secretary boolean NOT NULL DEFAULT false,
  -- 八个严禁 acknowledged; no access to the team's inspections before this
  pledged_at timestamptz,
  -- a 回避 conflict overridden by a leader, with the reason (also in the audit log)
  avoidance_override_reason text,
  avoidance_overridden_by uuid REFERENCES app_user(id),
  joined_at timestamptz NOT NULL DEFAULT now(),
  left_at timestamptz,
  UNIQUE (team_id, cadre_id)
);
CREATE INDEX team_member_cadre_idx ON team_member (cadre_id);
CREATE UNIQUE INDEX team_member_one_secretary_idx ON team_member (team_id) WHERE is_branch_secretary AND left_at IS NULL;

ALTER TABLE inspection ADD COLUMN team_id uuid REFERENCES team(id);
CREATE INDEX inspection_team_idx ON inspection (team_id);

-- 综合鉴定: after an inspection, each member's appraisal, written into the 考核档案 (组织部 reads it)
CREATE TABLE cadre_appraisal (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cadre_id uuid NOT NULL REFERENCES cadre(id),
  team_id uuid NOT NULL REFERENCES team(id),
  grade text NOT NULL CHECK (grade IN ('excellent', 'competent', 'basic', 'incompetent')),
  comment text NOT NULL,
  appraised_by uuid NOT NULL REFERENCES app_user(id),
  appraised_on date NOT NULL,
  UNIQUE (cadre_id, team_id)
);

-- 动员部署会: the round's mobilisation meeting
ALTER TABLE round ADD COLUMN mobilised_on date;

-- The team now comes from team_id; team_name stays for inspections recorded before teams existed.
ALTER TABLE inspection ALTER COLUMN team_name DROP NOT NULL;
-- 回头看: the earlier inspection of the same unit this one revisits
ALTER TABLE inspection ADD COLUMN previous_inspection_id uuid REFERENCES inspection(id);
CREATE INDEX inspection_previous_idx ON inspection (previous_inspection_id) WHERE previous_inspection_id IS NOT NULL;
-- a 回避 conflict of the team's members with this target, overridden by a leader when the team was assigned
ALTER TABLE inspection ADD COLUMN avoidance_override_reason text;
ALTER TABLE inspection ADD COLUMN avoidance_overridden_by uuid REFERENCES app_user(id);

-- Phase history: every step of 准备 → … → 归档, with who took it and when (shown on the detail page).
CREATE TABLE inspection_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  inspection_id uuid NOT NULL REFERENCES inspection(id),
  event text NOT NULL,
  from_phase text,
  to_phase text NOT NULL,
  actor_id uuid REFERENCES app_user(id),
  actor_name text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspection_event_inspection_idx ON inspection_event (inspection_id, id);
