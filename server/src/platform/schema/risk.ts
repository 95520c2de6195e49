// Table types added by migration 0020_risk.sql (风险排序 weights, versioned per committee).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<string, string | undefined, string>;

export interface RiskWeightTable {
  id: Generated<string>;
  committee_id: string;
  version: number;
  since: number;
  findings: number;
  clues: number;
  rectification: number;
  integrity: number;
  attention: number;
  reason: string | null;
  set_by: string | null;
  set_by_name: string | null;
  set_at: Timestamp;
}

export interface RiskTables {
  risk_weight: RiskWeightTable;
}
