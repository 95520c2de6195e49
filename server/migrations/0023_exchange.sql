-- Issue 9: 数据报送交换 across deployments (docs/exchange.md). Nothing here is ever deleted: a trusted key
-- is revoked by deactivation, exports and imports are a record of what was sent and received.

-- The deployment's SM2 signing identity, made on first use. One row (the singleton key); the private key is
-- stored sealed (SM4-CBC + HMAC-SM3 with the keyring of XUNCHA_KEY / DATA_DIR/keys), never in clear.
CREATE TABLE exchange_identity (
  -- a single-column key, as key rotation (rotate.ts) re-seals in batches by primary key
  deployment_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- at most one identity per deployment
  singleton boolean NOT NULL DEFAULT true UNIQUE CHECK (singleton),
  public_key text NOT NULL,
  fingerprint text NOT NULL,
  private_key_sealed text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Keys an upper committee trusts, registered by an exchange.import holder after receiving the public key
-- out of band. At most one active registration of a fingerprint per committee.
CREATE TABLE exchange_trusted_key (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL REFERENCES committee(id),
  public_key text NOT NULL,
  fingerprint text NOT NULL,
  source_committee_name text NOT NULL,
  note text,
  active boolean NOT NULL DEFAULT true,
  registered_by uuid NOT NULL REFERENCES app_user(id),
  registered_at timestamptz NOT NULL DEFAULT now(),
  revoked_by uuid REFERENCES app_user(id),
  revoked_at timestamptz
);
CREATE UNIQUE INDEX exchange_trusted_key_active_idx ON exchange_trusted_key (committee_id, fingerprint) WHERE active;
CREATE INDEX exchange_trusted_key_committee_idx ON exchange_trusted_key (committee_id, registered_at DESC, id);

-- Packages this deployment exported (the package itself kept for a later download of the same bytes' content).
CREATE TABLE exchange_export (
  id uuid PRIMARY KEY,
  committee_id uuid NOT NULL REFERENCES committee(id),
  period_from date NOT NULL,
  period_to date NOT NULL,
  digest text NOT NULL,
  fingerprint text NOT NULL,
  round_count int NOT NULL,
  package jsonb NOT NULL,
  exported_by uuid NOT NULL REFERENCES app_user(id),
  exported_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX exchange_export_committee_idx ON exchange_export (committee_id, exported_at DESC, id);

-- Packages verified and stored for a receiving committee; a packageId is received once per committee.
CREATE TABLE exchange_import (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL REFERENCES committee(id),
  package_id uuid NOT NULL,
  trusted_key_id uuid NOT NULL REFERENCES exchange_trusted_key(id),
  source_committee_name text NOT NULL,
  source_committee_level text NOT NULL,
  source_deployment_id uuid NOT NULL,
  period_from date NOT NULL,
  period_to date NOT NULL,
  generated_at timestamptz NOT NULL,
  digest text NOT NULL,
  fingerprint text NOT NULL,
  statistics jsonb NOT NULL,
  rounds jsonb NOT NULL,
  imported_by uuid NOT NULL REFERENCES app_user(id),
  imported_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (committee_id, package_id)
);
CREATE INDEX exchange_import_committee_idx ON exchange_import (committee_id, imported_at DESC, id);
