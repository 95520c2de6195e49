-- 风险排序 (issue 9 deliverable 3): the weights of each committee's risk score, one row per saved version.
-- Nothing is deleted or updated: the current weights are the committee's highest version, every earlier
-- version stays as history. A committee without a row uses the built-in defaults (version 0, contracts).
CREATE TABLE risk_weight (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL REFERENCES committee(id),
  -- 1, 2, 3 … per committee: the editor sends the version it started from, a concurrent save collides here
  version int NOT NULL CHECK (version > 0),
  since int NOT NULL CHECK (since BETWEEN 0 AND 100),
  findings int NOT NULL CHECK (findings BETWEEN 0 AND 100),
  clues int NOT NULL CHECK (clues BETWEEN 0 AND 100),
  rectification int NOT NULL CHECK (rectification BETWEEN 0 AND 100),
  integrity int NOT NULL CHECK (integrity BETWEEN 0 AND 100),
  attention int NOT NULL CHECK (attention BETWEEN 0 AND 100),
  reason text,
  set_by uuid REFERENCES app_user(id),
  set_by_name text,
  set_at timestamptz NOT NULL DEFAULT now(),
  CHECK (since + findings + clues + rectification + integrity + attention > 0),
  UNIQUE (committee_id, version)
);

-- The ranking counts each unit's clues of the committee from the index alone (numbers, never content).
CREATE INDEX clue_committee_unit_idx ON clue (committee_id, unit_id);
-- Petitions (来信来访 records) per unit of a committee: a partial index on the one kind the ranking counts.
CREATE INDEX fieldwork_record_petition_unit_idx ON fieldwork_record (committee_id, unit_id) WHERE kind = 'petition';
-- Fed-back findings per unit of a committee with the columns that make a finding "key" (八项规定, 廉洁纪律,
-- 重点关注): counted from the index alone (bench: the heap visits were the largest part of the ranking).
CREATE INDEX finding_risk_unit_idx ON finding (committee_id, unit_id) INCLUDE (eight_rules, discipline, key_focus)
  WHERE status = 'fed_back';
