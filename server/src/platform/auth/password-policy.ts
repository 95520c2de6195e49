// Password rules of the security policy and the one way to set a password (self-service change, and user
// administration's create/reset): checks the rules and the history, writes the hash and the history, and ends
// the user's other sessions so that a reset locks out whoever knew the old password.
import type { SecurityPolicy } from '@xuncha/contracts';
import type { Tx } from '../db.ts';
import { badRequest, notFound } from '../errors.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { loadPolicy } from './policy.ts';

export type PasswordRules = Pick<
  SecurityPolicy,
  'passwordMinLength' | 'passwordMinClasses' | 'passwordHistory' | 'passwordMaxAgeDays'
>;

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/] as const;

/**
 * The problems with a proposed password, in Chinese; empty when it is acceptable.
 * `history`: argon2id hashes of the current and previous passwords, newest first.
 */
export async function checkPasswordPolicy(
  policy: PasswordRules,
  username: string,
  password: string,
  history: readonly string[],
): Promise<string[]> {
  const problems: string[] = [];
  if ([...password].length < policy.passwordMinLength) problems.push(`密码至少 ${policy.passwordMinLength} 位`);
  const classes = CLASSES.filter((re) => re.test(password)).length;
  if (classes < policy.passwordMinClasses)
    problems.push(`密码须包含大写字母、小写字母、数字、其他符号中的至少 ${policy.passwordMinClasses} 类`);
  if (username.length > 0 && password.toLowerCase().includes(username.toLowerCase()))
    problems.push('密码不能包含用户名');
  // a problem above already refuses it: spare the argon2 work
  if (problems.length === 0) {
    for (const previous of history.slice(0, policy.passwordHistory)) {
      if (await verifyPassword(previous, password)) {
        problems.push(`不能与最近 ${policy.passwordHistory} 次使用过的密码相同`);
        break;
      }
    }
  }
  return problems;
}

export interface SetPasswordOptions {
  /** true: the user must change it at the next login (created or reset by an administrator) */
  mustChange: boolean;
  /** the request's clock; defaults to the wall clock */
  now?: Date;
  /** token digest of the session to keep (the user changing their own password); all others end */
  keepSessionHash?: string;
}

/** Checks the policy and history, then stores the password. Bad password → 400 with the problems as details. */
export async function setPassword(
  tx: Tx,
  userId: string,
  newPassword: string,
  options: SetPasswordOptions,
): Promise<void> {
  const user = await tx
    .selectFrom('app_user')
    .select(['username', 'password_hash'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) throw notFound('用户不存在');
  const policy = await loadPolicy(tx);
  const previous = await tx
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(policy.passwordHistory)
    .execute();
  const history = [user.password_hash, ...previous.map((p) => p.password_hash).filter((h) => h !== user.password_hash)];
  const problems = await checkPasswordPolicy(policy, user.username, newPassword, history);
  if (problems.length > 0)
    throw badRequest(
      problems.join('；'),
      problems.map((message) => ({ path: 'newPassword', message })),
    );
  const now = (options.now ?? new Date()).toISOString();
  const passwordHash = await hashPassword(newPassword);
  await tx
    .updateTable('app_user')
    .set({ password_hash: passwordHash, password_changed_at: now, must_change_password: options.mustChange })
    .where('id', '=', userId)
    .execute();
  await tx
    .insertInto('password_history')
    .values({ user_id: userId, password_hash: passwordHash, created_at: now })
    .execute();
  let sessions = tx
    .updateTable('session')
    .set({ ended_at: now })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null);
  if (options.keepSessionHash) sessions = sessions.where('token_hash', '<>', options.keepSessionHash);
  await sessions.execute();
}

/** The password is older than the policy allows (NULL change date: set before the policy, never expires). */
export function passwordExpired(policy: PasswordRules, changedAt: string | null, now: Date): boolean {
  if (policy.passwordMaxAgeDays === 0 || changedAt === null) return false;
  return now.getTime() - Date.parse(changedAt) > policy.passwordMaxAgeDays * 86_400_000;
}
