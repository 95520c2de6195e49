-- Issue 8 §4: the audit log becomes an append-only SM3 hash chain.
-- hash = SM3(prev_hash || canonical(entry)) is computed in Node (server/src/platform/audit-chain.ts):
-- SQL has no SM3. Every new row must arrive chained (the NOT VALID check applies to new rows only);
-- rows written before this migration are chained from Node right after migrate() runs
-- (chainPendingAuditEntries), and lazily by the first writeAudit should a process write before that.

ALTER TABLE audit_entry
  ADD CONSTRAINT audit_entry_chained
  CHECK (prev_hash IS NOT NULL AND hash IS NOT NULL
         AND prev_hash ~ '^[0-9a-f]{64}$' AND hash ~ '^[0-9a-f]{64}$') NOT VALID;

-- No two entries may name the same predecessor: a fork is impossible whatever a writer does (writeAudit
-- serialises appends under an advisory lock; this is the backstop). Also finds an entry's successor fast.
CREATE UNIQUE INDEX audit_entry_prev_hash_key ON audit_entry (prev_hash);

-- The rows still to chain (legacy rows, empty once chained): found without scanning the log.
CREATE INDEX audit_entry_unchained_idx ON audit_entry (id) WHERE hash IS NULL;

-- Append-only: UPDATE and DELETE are refused. The single exception is filling prev_hash/hash of a
-- legacy row that has none yet, and only in a transaction that set xuncha.audit_chain_legacy = 'on'
-- (what chainPendingAuditEntries does); nothing else of the row may change in that update.
CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.hash IS NULL
     AND current_setting('xuncha.audit_chain_legacy', true) = 'on'
     AND to_jsonb(NEW) - 'prev_hash' - 'hash' = to_jsonb(OLD) - 'prev_hash' - 'hash' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '审计日志只能追加，不允许修改或删除（%，编号 %）', TG_OP, OLD.id
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();

CREATE FUNCTION audit_entry_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '审计日志只能追加，不允许清空（TRUNCATE）' USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_no_truncate();
