// Table types added by migration 0003_org.sql (committee tree, unit attributes and history,
// leading group and office). Columns of tables created in 0001 that 0003 adds go on those tables
// in ../schema.ts.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<string, string | undefined, string>;
type Json = ColumnType<unknown, string | null, string | null>;

export interface OrgUnitEventTable {
  seq: Generated<number>;
  unit_id: string;
  event: string;
  before: Json;
  after: Json;
  reason: string | null;
  actor_id: string | null;
  actor_name: string | null;
  at: Timestamp;
}

export interface CommitteeMemberTable {
  id: Generated<string>;
  committee_id: string;
  body: string;
  post: string;
  name: string;
  title: string | null;
  user_id: string | null;
  started_on: string;
  ended_on: string | null;
  end_reason: string | null;
  granted_role: string | null;
  grant_id: string | null;
  sort_order: Generated<number>;
  created_at: Timestamp;
}

export interface OrgTables {
  org_unit_event: OrgUnitEventTable;
  committee_member: CommitteeMemberTable;
}
