// Table types added by migration 0019_common_problem.sql (共性问题: terms, clusters, 举一反三, 专项巡察建议).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<string, string | undefined, string>;

export interface FindingTermTable {
  finding_id: string;
  committee_id: string;
  term: string;
  weight: number;
}

export interface FindingTermStateTable {
  finding_id: string;
  committee_id: string;
  source_updated_at: string;
  term_count: number;
}

export interface CommonProblemRunTable {
  committee_id: string;
  /** numeric, parsed to a number by db.ts */
  threshold: number;
  computed_at: string;
  computed_by: string | null;
  finding_count: number;
  pair_count: number;
  cluster_count: number;
  duration_ms: number;
}

export interface CommonProblemClusterTable {
  id: Generated<string>;
  committee_id: string;
  terms: string[];
  label: string;
  aspect: string | null;
  discipline: string | null;
  areas: string[];
  cohesion: number;
  created_at: Timestamp;
}

export interface CommonProblemMemberTable {
  cluster_id: string;
  finding_id: string;
}

export interface CommonProblemNoticeTable {
  id: Generated<string>;
  committee_id: string;
  cluster_id: string | null;
  cluster_label: string;
  finding_ids: string[];
  title: string;
  body: string;
  target_unit_ids: string[];
  status: Generated<string>;
  created_by: string;
  created_at: Timestamp;
  published_by: string | null;
  published_at: string | null;
  notified_count: number | null;
}

export interface SpecialInspectionProposalTable {
  id: Generated<string>;
  committee_id: string;
  cluster_id: string | null;
  cluster_label: string;
  finding_ids: string[];
  title: string;
  reason: string;
  unit_ids: string[];
  status: Generated<string>;
  created_by: string;
  created_at: Timestamp;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
}

export interface CommonProblemTables {
  finding_term: FindingTermTable;
  finding_term_state: FindingTermStateTable;
  common_problem_run: CommonProblemRunTable;
  common_problem_cluster: CommonProblemClusterTable;
  common_problem_member: CommonProblemMemberTable;
  common_problem_notice: CommonProblemNoticeTable;
  special_inspection_proposal: SpecialInspectionProposalTable;
}
