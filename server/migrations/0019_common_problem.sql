-- Issue 9 §2: 共性问题 detection. Findings are segmented by jieba in Node (no Chinese parser on PGlite or
-- Debian's PostgreSQL), their terms stored here so that similarity is SQL over an indexed term table. The
-- refresh job writes the committee's clusters; lists, drill-downs and exports read that stored result.
-- Turning a cluster into a 举一反三 notice or a 专项巡察 proposal keeps a snapshot of the cluster, since the
-- next refresh replaces the clusters.

CREATE TABLE finding_term (
  finding_id uuid NOT NULL REFERENCES finding(id) ON DELETE CASCADE,
  committee_id uuid NOT NULL REFERENCES committee(id),
  term text NOT NULL,
  -- more for a term of the title (the problem as the team named it) and for 巡察 vocabulary (terms.ts)
  weight real NOT NULL CHECK (weight > 0),
  PRIMARY KEY (finding_id, term)
);
CREATE INDEX finding_term_committee_term_idx ON finding_term (committee_id, term);

-- When a finding's terms were computed: a finding edited since (updated_at later) is segmented again.
CREATE TABLE finding_term_state (
  finding_id uuid PRIMARY KEY REFERENCES finding(id) ON DELETE CASCADE,
  committee_id uuid NOT NULL REFERENCES committee(id),
  source_updated_at timestamptz NOT NULL,
  term_count int NOT NULL CHECK (term_count >= 0)
);
CREATE INDEX finding_term_state_committee_idx ON finding_term_state (committee_id);

-- The last refresh of a committee: its threshold and what it found.
CREATE TABLE common_problem_run (
  committee_id uuid PRIMARY KEY REFERENCES committee(id),
  threshold numeric NOT NULL CHECK (threshold > 0 AND threshold <= 1),
  computed_at timestamptz NOT NULL,
  computed_by uuid REFERENCES app_user(id),
  finding_count int NOT NULL,
  pair_count int NOT NULL,
  cluster_count int NOT NULL,
  duration_ms int NOT NULL
);

CREATE TABLE common_problem_cluster (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL REFERENCES committee(id),
  -- the terms most members share, most shared first
  terms text[] NOT NULL,
  label text NOT NULL,
  aspect text,
  discipline text,
  areas text[] NOT NULL DEFAULT '{}',
  -- mean similarity of the pairs that joined the cluster
  cohesion numeric NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX common_problem_cluster_committee_idx ON common_problem_cluster (committee_id);

CREATE TABLE common_problem_member (
  cluster_id uuid NOT NULL REFERENCES common_problem_cluster(id) ON DELETE CASCADE,
  finding_id uuid NOT NULL REFERENCES finding(id) ON DELETE CASCADE,
  PRIMARY KEY (cluster_id, finding_id)
);
CREATE INDEX common_problem_member_finding_idx ON common_problem_member (finding_id);

-- 举一反三 notice: drafted from a cluster, published once to the target units' heads and liaisons.
CREATE TABLE common_problem_notice (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL REFERENCES committee(id),
  cluster_id uuid REFERENCES common_problem_cluster(id) ON DELETE SET NULL,
  cluster_label text NOT NULL,
  finding_ids uuid[] NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  target_unit_ids uuid[] NOT NULL CHECK (cardinality(target_unit_ids) > 0),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  created_by uuid NOT NULL REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  published_by uuid REFERENCES app_user(id),
  published_at timestamptz,
  notified_count int
);
CREATE INDEX common_problem_notice_committee_idx ON common_problem_notice (committee_id, created_at DESC);

-- 专项巡察 proposal: proposed by the office, adopted or declined by the office director.
CREATE TABLE special_inspection_proposal (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL REFERENCES committee(id),
  cluster_id uuid REFERENCES common_problem_cluster(id) ON DELETE SET NULL,
  cluster_label text NOT NULL,
  finding_ids uuid[] NOT NULL,
  title text NOT NULL,
  reason text NOT NULL,
  unit_ids uuid[] NOT NULL CHECK (cardinality(unit_ids) > 0),
  status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'adopted', 'declined')),
  created_by uuid NOT NULL REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid REFERENCES app_user(id),
  decided_at timestamptz,
  decision_note text
);
CREATE INDEX special_inspection_proposal_committee_idx ON special_inspection_proposal (committee_id, created_at DESC);
