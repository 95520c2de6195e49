// Table types for Kysely, written by hand beside the migrations (server/migrations/*.sql).
// Timestamps are ISO strings and dates 'YYYY-MM-DD' strings (see db.ts parsers).
import type { ColumnType, Generated } from 'kysely';
import type { AnalyticsTables } from './schema/analytics.ts';
import type { AuthTables } from './schema/auth.ts';
import type { CommonProblemTables } from './schema/common-problem.ts';
import type { ExchangeTables } from './schema/exchange.ts';
import type { FieldworkTables } from './schema/fieldwork.ts';
import type { LinkageTables } from './schema/linkage.ts';
import type { OrgTables } from './schema/org.ts';
import type { PlanningTables } from './schema/planning.ts';
import type { PublicReportTables } from './schema/public-report.ts';
import type { RectificationTables } from './schema/rectification.ts';
import type { RiskTables } from './schema/risk.ts';
import type { TalentTables } from './schema/talent.ts';

type Timestamp = ColumnType<string, string | undefined, string>;
type Json = ColumnType<unknown, string | null, string | null>;
type OptionalJson = ColumnType<unknown, string | null | undefined, string | null>;

export interface CommitteeTable {
  id: Generated<string>;
  parent_id: string | null;
  name: string;
  level: string;
  avoidance_years: Generated<number>;
  /** materialised '/<root>/…/<id>/', filled by a trigger on insert (0003_org.sql) */
  path: Generated<string>;
  short_name: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface OrgUnitTable {
  id: Generated<string>;
  committee_id: string;
  parent_id: string | null;
  path: string;
  name: string;
  kind: string;
  head_name: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
  code: string | null;
  secretary_name: string | null;
  social_attention: number | null;
  /** 资金量, 万元 (numeric, parsed to a number by db.ts) */
  fund_volume: number | null;
  project_count: number | null;
  has_approval_power: Generated<boolean>;
  has_enforcement_power: Generated<boolean>;
  last_inspected_on: string | null;
  village_class: string | null;
  merged_into_id: string | null;
  deactivated_on: string | null;
  deactivation_reason: string | null;
  sort_order: Generated<number>;
}

export interface AppUserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  committee_id: string | null;
  unit_id: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
  last_login_at: string | null;
  /** 0013: first login after creation or reset, or an expired password (issue 8 §2) */
  must_change_password: Generated<boolean>;
  password_changed_at: string | null;
  totp_secret_sealed: string | null;
  totp_enabled_at: string | null;
  totp_last_step: number | null;
}

export interface RoleTable {
  code: string;
  name: string;
  scope_kinds: string[];
}

export interface PermissionTable {
  code: string;
  name: string;
}

export interface RolePermissionTable {
  role_code: string;
  permission_code: string;
}

export interface UserRoleTable {
  id: Generated<string>;
  user_id: string;
  role_code: string;
  scope_kind: string;
  scope_id: string | null;
  granted_at: Timestamp;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: string;
  ended_at: string | null;
  ip: string | null;
  user_agent: string | null;
  /** 0013: public id, and the idle timeout of the policy in force at login */
  id: Generated<string>;
  idle_minutes: Generated<number>;
  seq: Generated<number>;
}

export interface AuditEntryTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: Json;
  after: Json;
  request_id: string | null;
  ip: string | null;
  prev_hash: string | null;
  hash: string | null;
}

export interface RoundTable {
  id: Generated<string>;
  committee_id: string;
  name: string;
  year: number;
  seq: number;
  start_date: string;
  end_date: string;
  mobilised_on: string | null;
  created_at: Timestamp;
}

export interface InspectionTable {
  id: Generated<string>;
  committee_id: string;
  round_id: string;
  unit_id: string;
  type: string;
  phase: Generated<string>;
  team_name: string | null;
  start_date: string;
  end_date: string;
  selection_reason: string | null;
  feedback_date: string | null;
  feedback_content: string | null;
  team_id: string | null;
  previous_inspection_id: string | null;
  avoidance_override_reason: string | null;
  avoidance_overridden_by: string | null;
  created_at: Timestamp;
}

export interface FindingTable {
  id: Generated<string>;
  committee_id: string;
  inspection_id: string;
  unit_id: string;
  seq: number;
  title: string;
  facts: string;
  aspect: string;
  discipline: string | null;
  major_problem: string | null;
  focus: string | null;
  power_type: string | null;
  areas: string[];
  is_common: boolean;
  eight_rules: boolean;
  status: Generated<string>;
  /** 0014: 公开/内部/敏感 (internal by default) */
  sensitivity: Generated<string>;
  created_by: string | null;
  created_at: Timestamp;
  immediate: Generated<boolean>;
  updated_at: Timestamp;
  /** ledger fields (0010): 完成情况, 是否常态化坚持, 是否集中整改期内完成, 是否重点关注 */
  completion: Generated<string>;
  ongoing: Generated<boolean>;
  done_in_period: boolean | null;
  key_focus: Generated<boolean>;
  /** a 回访 that found 反弹 filed this finding anew */
  origin_finding_id: string | null;
}

export interface TaskTable {
  id: Generated<string>;
  committee_id: string;
  unit_id: string;
  inspection_id: string;
  finding_id: string;
  seq: number;
  title: string;
  measures: string;
  responsible_leader: string;
  responsible_department: string;
  owner_user_id: string;
  due_date: string;
  status: Generated<string>;
  long_term: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
  immediate: Generated<boolean>;
  next_checkpoint: string | null;
  returned_count: Generated<number>;
  reopened_count: Generated<number>;
  closed_at: string | null;
}

export interface TaskEventTable {
  id: Generated<string>;
  seq: Generated<number>;
  task_id: string;
  event: string;
  from_status: string | null;
  to_status: string;
  actor_id: string;
  reason: string | null;
  at: Timestamp;
  /** 对账销号 checklist and the evidence checked (0010) */
  details: OptionalJson;
}

export interface EvidenceTable {
  id: Generated<string>;
  task_id: string;
  kind: string;
  description: string;
  amount: number | null;
  file_name: string | null;
  stored_name: string | null;
  mime: string | null;
  size: number | null;
  sm3: string | null;
  uploaded_by: string;
  at: Timestamp;
  institution_name: string | null;
  institution_doc_no: string | null;
  institution_date: string | null;
  persons_count: number | null;
  persons_note: string | null;
}

export interface SchemaMigrationTable {
  version: number;
  name: string;
  applied_at: Timestamp;
}

/** Tables of later migrations live in ./schema/<area>.ts. */
export interface DB
  extends AuthTables,
    OrgTables,
    TalentTables,
    PlanningTables,
    FieldworkTables,
    RectificationTables,
    PublicReportTables,
    AnalyticsTables,
    CommonProblemTables,
    RiskTables,
    LinkageTables,
    ExchangeTables {
  committee: CommitteeTable;
  org_unit: OrgUnitTable;
  app_user: AppUserTable;
  role: RoleTable;
  permission: PermissionTable;
  role_permission: RolePermissionTable;
  user_role: UserRoleTable;
  session: SessionTable;
  audit_entry: AuditEntryTable;
  round: RoundTable;
  inspection: InspectionTable;
  finding: FindingTable;
  task: TaskTable;
  task_event: TaskEventTable;
  evidence: EvidenceTable;
  schema_migration: SchemaMigrationTable;
}
