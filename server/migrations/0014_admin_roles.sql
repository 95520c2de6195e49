-- Issue 8 §1 and §9: 三员分立 (user administration, role assignment, audit viewer), sensitivity labels
-- (等保 安全标记) and the indexes the audit log viewer needs at 1M+ rows.

-- ── Permissions of the three administrators ────────────────────────────────────────────────
INSERT INTO permission (code, name) VALUES
  ('user.manage', '管理用户账号'),
  ('role.assign', '授予和撤销角色');

-- the 安全管理员 picks unit and committee scopes from the org tree (no case content there)
INSERT INTO role_permission (role_code, permission_code) VALUES
  ('sysadmin', 'user.manage'),
  ('secadmin', 'role.assign'),
  ('secadmin', 'committee.read'),
  ('secadmin', 'unit.read');

-- ── 三员分立 in the database: no path (service, seed, CLI, SQL console) can bypass it ─────────
-- A 三员 account (sysadmin / secadmin / auditor) holds that one role and nothing else: not a second of
-- the three, not a business role. The same 三员 role in several committees is allowed.
CREATE FUNCTION user_role_separation() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  other text;
BEGIN
  -- lock the account row so two concurrent grants to one user are checked one after the other
  PERFORM 1 FROM app_user WHERE id = NEW.user_id FOR UPDATE;
  SELECT ur.role_code INTO other FROM user_role ur
   WHERE ur.user_id = NEW.user_id AND ur.id <> NEW.id AND ur.role_code <> NEW.role_code
     AND (ur.role_code IN ('sysadmin', 'secadmin', 'auditor') OR NEW.role_code IN ('sysadmin', 'secadmin', 'auditor'))
   LIMIT 1;
  IF other IS NOT NULL THEN
    RAISE EXCEPTION '三员分立：该账号已有角色 %，不能再授予 %', other, NEW.role_code
      USING ERRCODE = 'XS001';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER user_role_separation BEFORE INSERT OR UPDATE ON user_role
  FOR EACH ROW EXECUTE FUNCTION user_role_separation();

-- user list filters (committee / unit / role / active); app_user_unit_idx exists already
CREATE INDEX app_user_committee_idx ON app_user (committee_id, username);
CREATE INDEX user_role_role_idx ON user_role (role_code, user_id);

-- ── Audit log viewer: keyset pages (id DESC) under each filter ─────────────────────────────
CREATE INDEX audit_entry_at_idx ON audit_entry (at, id);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor_id, id);
CREATE INDEX audit_entry_actor_name_idx ON audit_entry (actor_name, id);
CREATE INDEX audit_entry_action_idx ON audit_entry (action, id);
CREATE INDEX audit_entry_entity_id_idx ON audit_entry (entity, entity_id, id);

-- ── Sensitivity labels (公开 / 内部 / 敏感) ───────────────────────────────────────────────────
-- Clue content is need-to-know: 敏感 by default. A clue relabelled 内部 may be read by the team (clue.count).
ALTER TABLE clue ADD COLUMN sensitivity text NOT NULL DEFAULT 'sensitive'
  CHECK (sensitivity IN ('public', 'internal', 'sensitive'));
-- Findings are shared with the inspected unit after feedback: 内部 by default (label only; see README).
ALTER TABLE finding ADD COLUMN sensitivity text NOT NULL DEFAULT 'internal'
  CHECK (sensitivity IN ('public', 'internal', 'sensitive'));
-- Fieldwork notes are sealed exactly when the record is sensitive (0008's CHECK), so the label is derived
-- from that flag rather than stored twice: relabelling a record is changing `sensitive`, which reseals it.
ALTER TABLE fieldwork_record ADD COLUMN sensitivity text
  GENERATED ALWAYS AS (CASE WHEN sensitive THEN 'sensitive' ELSE 'internal' END) STORED;
