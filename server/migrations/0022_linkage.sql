-- 上下联动 in one deployment (issue 9, DOMAIN.md §9): 指导意见 an upper committee sends down, the committees
-- it reaches and each one's receipt (已阅 / 已落实). The lower committees' figures are derived from their own
-- tables at request time; nothing is copied upward.

-- A draft may be edited; publishing is one conditional update (draft → published), never undone.
CREATE TABLE guidance (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL REFERENCES committee(id),
  doc_no text,
  title text NOT NULL,
  body text NOT NULL,
  -- every committee below the publisher, or the chosen ones; fixed into guidance_target when published (a
  -- draft's choice is edited in place, so no target row is ever deleted)
  target_all boolean NOT NULL,
  target_committee_ids uuid[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  created_by uuid NOT NULL REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_by uuid REFERENCES app_user(id),
  published_at timestamptz,
  CHECK ((status = 'published') = (published_at IS NOT NULL))
);
-- the publisher's list, newest first
CREATE INDEX guidance_committee_idx ON guidance (committee_id, created_at DESC);

-- The receiving committees, with their receipt: read, then acted (已落实), each step once.
CREATE TABLE guidance_target (
  guidance_id uuid NOT NULL REFERENCES guidance(id),
  committee_id uuid NOT NULL REFERENCES committee(id),
  ack text CHECK (ack IN ('read', 'acted')),
  note text,
  ack_by uuid REFERENCES app_user(id),
  ack_by_name text,
  ack_at timestamptz,
  PRIMARY KEY (guidance_id, committee_id),
  CHECK ((ack IS NULL) = (ack_at IS NULL))
);
-- a lower committee's received list
CREATE INDEX guidance_target_committee_idx ON guidance_target (committee_id, guidance_id);

-- 上级在本地区开展的巡察 and the lower committees' coverage look up inspections by the target unit's committee;
-- rounds per committee by start date exist already (round_committee_start_idx). Handovers are counted per
-- committee by handover_committee_idx, tasks by task_unit_summary's key and task_committee_open_due_idx.
CREATE INDEX finding_committee_status_idx ON finding (committee_id, status, aspect);
