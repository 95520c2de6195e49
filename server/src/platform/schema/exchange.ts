// Table types of 0023_exchange.sql (数据报送交换 across deployments).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<string, string | undefined, string>;
type Json = ColumnType<unknown, string, string>;

export interface ExchangeIdentityTable {
  singleton: Generated<boolean>;
  deployment_id: Generated<string>;
  public_key: string;
  fingerprint: string;
  private_key_sealed: string;
  created_at: Timestamp;
}

export interface ExchangeTrustedKeyTable {
  id: Generated<string>;
  committee_id: string;
  public_key: string;
  fingerprint: string;
  source_committee_name: string;
  note: string | null;
  active: Generated<boolean>;
  registered_by: string;
  registered_at: Timestamp;
  revoked_by: string | null;
  revoked_at: string | null;
}

export interface ExchangeExportTable {
  id: string;
  committee_id: string;
  period_from: string;
  period_to: string;
  digest: string;
  fingerprint: string;
  round_count: number;
  package: Json;
  exported_by: string;
  exported_at: Timestamp;
}

export interface ExchangeImportTable {
  id: Generated<string>;
  committee_id: string;
  package_id: string;
  trusted_key_id: string;
  source_committee_name: string;
  source_committee_level: string;
  source_deployment_id: string;
  period_from: string;
  period_to: string;
  generated_at: string;
  digest: string;
  fingerprint: string;
  statistics: Json;
  rounds: Json;
  imported_by: string;
  imported_at: Timestamp;
}

export interface ExchangeTables {
  exchange_identity: ExchangeIdentityTable;
  exchange_trusted_key: ExchangeTrustedKeyTable;
  exchange_export: ExchangeExportTable;
  exchange_import: ExchangeImportTable;
}
