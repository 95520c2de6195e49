-- Authentication hardening (issue 8 §2): password policy and history, lockout, TOTP second factor with
-- recovery codes, first-login password change, session limits, login history and the security policy.

ALTER TABLE app_user
  ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
  -- NULL: set before this migration or by the seed; such a password does not expire until changed once
  ADD COLUMN password_changed_at timestamptz,
  -- TOTP secret sealed with the field key (platform/crypto/sealed.ts); NULL: not enrolled
  ADD COLUMN totp_secret_sealed text,
  ADD COLUMN totp_enabled_at timestamptz,
  -- a TOTP code is accepted once: the time step of the last accepted code (replay defence)
  ADD COLUMN totp_last_step bigint;

-- Previous password hashes (argon2id), newest first by id; the new password may match none of the last N.
CREATE TABLE password_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user(id),
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX password_history_user_idx ON password_history (user_id, id DESC);

-- Every login attempt, by the username typed (known or not), so that lockout counts alike for existing and
-- unknown accounts and reveals nothing; user_id is set when the account exists (the user's login history).
CREATE TABLE login_attempt (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  username text NOT NULL,
  user_id uuid REFERENCES app_user(id),
  ip text,
  user_agent text,
  success boolean NOT NULL,
  -- why it failed (bad_password, bad_code, locked, ip_locked, ip_not_allowed, inactive) or which step succeeded
  reason text NOT NULL
);
CREATE INDEX login_attempt_username_idx ON login_attempt (username, at);
CREATE INDEX login_attempt_ip_idx ON login_attempt (ip, at);
CREATE INDEX login_attempt_user_idx ON login_attempt (user_id, at DESC);

-- An active lock on a username ('account') or an address ('ip'); failures before locked_until no longer count.
CREATE TABLE login_lock (
  kind text NOT NULL CHECK (kind IN ('account', 'ip')),
  key text NOT NULL,
  locked_at timestamptz NOT NULL,
  locked_until timestamptz NOT NULL,
  PRIMARY KEY (kind, key)
);

-- The step between a correct password and a session: second factor or forced enrolment. Short-lived, single use;
-- only the SM3 digest of the token is stored. pending_secret_sealed: the TOTP secret being enrolled.
CREATE TABLE login_challenge (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user(id),
  kind text NOT NULL CHECK (kind IN ('verify', 'enrol')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  failures int NOT NULL DEFAULT 0,
  used_at timestamptz,
  pending_secret_sealed text
);
CREATE INDEX login_challenge_user_idx ON login_challenge (user_id);

-- One-time recovery codes, SM3-digested (they carry 50 random bits, so a slow hash adds nothing).
CREATE TABLE recovery_code (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES app_user(id),
  code_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX recovery_code_user_idx ON recovery_code (user_id);

-- One row per deployment (the 安全管理员 of the installation sets it); settings are merged over the defaults in code.
CREATE TABLE security_policy (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  settings jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by uuid REFERENCES app_user(id)
);

-- Sessions get a public id (the list of my sessions ends one by id, never by token digest) and carry the idle
-- timeout of the policy in force when they were created, so authentication stays one query.
ALTER TABLE session
  ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid(),
  ADD COLUMN idle_minutes int NOT NULL DEFAULT 30,
  -- login order: the concurrent-session limit ends the oldest (several logins may share a timestamp)
  ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE UNIQUE INDEX session_id_idx ON session (id);
CREATE INDEX session_user_live_idx ON session (user_id, seq) WHERE ended_at IS NULL;

INSERT INTO permission (code, name) VALUES ('security.manage', '管理安全策略');
INSERT INTO role_permission (role_code, permission_code) VALUES ('secadmin', 'security.manage');
