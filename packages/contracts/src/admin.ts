// 三员分立 (issue 8 §1, §9): user administration (系统管理员), role assignment (安全管理员), the audit
// log viewer (安全审计员) and the sensitivity labels (等保 安全标记) records carry.
import { z } from 'zod';
import { Id, optionalText, PageQuery, pageOf, QueryBool, text } from './common.ts';
import { RoleCode, ScopeKind } from './permissions.ts';

/** The three administrators: no account may hold two of them, nor any business role with one. */
export const THREE_ADMIN_ROLES = ['sysadmin', 'secadmin', 'auditor'] as const satisfies readonly RoleCode[];
export const isThreeAdminRole = (role: string): boolean => (THREE_ADMIN_ROLES as readonly string[]).includes(role);

// ── Users (系统管理员) ─────────────────────────────────────────────────────────────────────
const Username = z
  .string({ error: '用户名必须是文字' })
  .trim()
  .regex(/^[a-z][a-z0-9_.-]{2,31}$/, { error: '用户名为 3–32 位小写字母、数字或 _ . -，以字母开头' });
const Password = z.string({ error: '密码必须是文字' }).min(1, { error: '请填写初始密码' }).max(128, {
  error: '密码不能超过 128 个字符',
});

export const UserGrantView = z.object({
  id: Id,
  role: RoleCode,
  scopeKind: ScopeKind,
  scopeId: Id.nullable(),
  scopeName: z.string().nullable(),
});
export type UserGrantView = z.infer<typeof UserGrantView>;

export const AdminUser = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  committeeId: Id.nullable(),
  committeeName: z.string().nullable(),
  unitId: Id.nullable(),
  unitName: z.string().nullable(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  grants: z.array(UserGrantView),
});
export type AdminUser = z.infer<typeof AdminUser>;
export const AdminUserPage = pageOf(AdminUser);

export const AdminUserQuery = PageQuery.extend({
  committeeId: Id.optional(),
  unitId: Id.optional(),
  role: RoleCode.optional(),
  active: QueryBool.optional(),
  q: optionalText('关键词', 50),
});
export type AdminUserQuery = z.infer<typeof AdminUserQuery>;

export const AdminUserCreate = z.object({
  username: Username,
  displayName: text('姓名', 50),
  committeeId: Id,
  unitId: Id.nullable().optional(),
  initialPassword: Password,
});
export type AdminUserCreate = z.infer<typeof AdminUserCreate>;

export const AdminUserUpdate = z.object({
  displayName: text('姓名', 50),
  unitId: Id.nullable(),
});
export type AdminUserUpdate = z.infer<typeof AdminUserUpdate>;

export const PasswordReset = z.object({ newPassword: Password });
export type PasswordReset = z.infer<typeof PasswordReset>;

// ── Role assignment (安全管理员) ───────────────────────────────────────────────────────────
export const RoleGrantCreate = z.object({
  role: RoleCode,
  scopeKind: ScopeKind,
  scopeId: Id.nullable(),
});
export type RoleGrantCreate = z.infer<typeof RoleGrantCreate>;
export const GrantParams = z.object({ id: Id, grantId: Id });

// ── Audit log (安全审计员) ────────────────────────────────────────────────────────────────
const Instant = z.iso.datetime({ offset: true, error: '时间格式不正确（应为 ISO 8601）' });
/** Opaque keyset cursor: the id of the last entry on the previous page. */
const Cursor = z.string().regex(/^\d{1,19}$/, { error: '翻页游标不正确' });

export const AuditQuery = z.object({
  from: Instant.optional(),
  to: Instant.optional(),
  actor: optionalText('操作人', 50),
  action: optionalText('操作', 100),
  entity: optionalText('对象类型', 50),
  entityId: optionalText('对象编号', 100),
  after: Cursor.optional(),
  limit: z.coerce
    .number({ error: '每页条数必须是数字' })
    .int()
    .min(1)
    .max(100, { error: '每页最多 100 条' })
    .default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntrySummary = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntrySummary = z.infer<typeof AuditEntrySummary>;

export const AuditEntry = AuditEntrySummary.extend({
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  prevHash: z.string().nullable(),
  hash: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({
  items: z.array(AuditEntrySummary),
  /** pass as `after` for the next page; null on the last page */
  nextCursor: z.string().nullable(),
  retentionMonths: z.number(),
});
export type AuditPage = z.infer<typeof AuditPage>;
export const AuditIdParams = z.object({ id: Cursor });
