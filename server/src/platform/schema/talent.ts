// Table types for the talent pool and teams (migrations 0004_talent.sql, 0005_teams.sql).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<string, string | undefined, string>;

export interface CadreTable {
  id: Generated<string>;
  committee_id: string;
  user_id: string | null;
  name: string;
  gender: string | null;
  birth_year: number | null;
  home_unit_id: string | null;
  home_unit_name: string;
  post: string;
  rank: string | null;
  phone: string | null;
  skills: string[];
  active: Generated<boolean>;
  notes: string | null;
  created_at: Timestamp;
}

export interface CadreAvailabilityTable {
  id: Generated<string>;
  cadre_id: string;
  start_date: string;
  end_date: string;
  available: Generated<boolean>;
  note: string | null;
}

export interface CadrePastPostTable {
  id: Generated<string>;
  cadre_id: string;
  unit_id: string | null;
  unit_name: string;
  post: string;
  start_date: string | null;
  end_date: string | null;
}

export interface CadreRelativeTable {
  id: Generated<string>;
  cadre_id: string;
  name: string;
  relation: string;
  unit_id: string | null;
  unit_name: string;
  post: string;
  is_leader: Generated<boolean>;
}

export interface CadreTrainingTable {
  id: Generated<string>;
  cadre_id: string;
  title: string;
  organizer: string;
  start_date: string;
  end_date: string;
  hours: number | null;
  note: string | null;
}

export interface CadreCommendationTable {
  id: Generated<string>;
  cadre_id: string;
  title: string;
  grantor: string;
  granted_on: string;
  note: string | null;
}

export interface TeamTable {
  id: Generated<string>;
  committee_id: string;
  round_id: string;
  name: string;
  created_at: Timestamp;
}

export interface TeamMemberTable {
  id: Generated<string>;
  team_id: string;
  cadre_id: string;
  post: string;
  is_branch_secretary: Generated<boolean>;
  pledged_at: string | null;
  avoidance_override_reason: string | null;
  avoidance_overridden_by: string | null;
  joined_at: Timestamp;
  left_at: string | null;
}

export interface CadreAppraisalTable {
  id: Generated<string>;
  cadre_id: string;
  team_id: string;
  grade: string;
  comment: string;
  appraised_by: string;
  appraised_on: string;
}

/** Phase history of an inspection (0005_teams.sql). */
export interface InspectionEventTable {
  id: Generated<number>;
  inspection_id: string;
  event: string;
  from_phase: string | null;
  to_phase: string;
  actor_id: string | null;
  actor_name: string | null;
  at: Timestamp;
}

export interface TalentTables {
  cadre: CadreTable;
  cadre_availability: CadreAvailabilityTable;
  cadre_past_post: CadrePastPostTable;
  cadre_relative: CadreRelativeTable;
  cadre_training: CadreTrainingTable;
  cadre_commendation: CadreCommendationTable;
  team: TeamTable;
  team_member: TeamMemberTable;
  cadre_appraisal: CadreAppraisalTable;
  inspection_event: InspectionEventTable;
}
