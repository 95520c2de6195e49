// Tables of 0013_auth_security.sql (issue 8 §2). The new app_user and session columns are in ../schema.ts.
import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string, string>;

export interface PasswordHistoryTable {
  id: Generated<number>;
  user_id: string;
  password_hash: string;
  created_at: string;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  at: string;
  username: string;
  user_id: string | null;
  ip: string | null;
  user_agent: string | null;
  success: boolean;
  reason: string;
}

export interface LoginLockTable {
  kind: 'account' | 'ip';
  key: string;
  locked_at: string;
  locked_until: string;
}

export interface LoginChallengeTable {
  token_hash: string;
  user_id: string;
  kind: 'verify' | 'enrol';
  created_at: string;
  expires_at: string;
  failures: Generated<number>;
  used_at: string | null;
  pending_secret_sealed: string | null;
}

export interface RecoveryCodeTable {
  id: Generated<string>;
  user_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface SecurityPolicyTable {
  id: Generated<boolean>;
  settings: Json;
  updated_at: string;
  updated_by: string | null;
}

export interface AuthTables {
  password_history: PasswordHistoryTable;
  login_attempt: LoginAttemptTable;
  login_lock: LoginLockTable;
  login_challenge: LoginChallengeTable;
  recovery_code: RecoveryCodeTable;
  security_policy: SecurityPolicyTable;
}
