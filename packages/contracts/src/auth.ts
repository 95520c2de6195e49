import { z } from 'zod';
import { Permission, RoleCode, ScopeKind } from './permissions.ts';

export const LoginInput = z.object({
  username: z.string({ error: '请输入用户名' }).trim().min(1, { error: '请输入用户名' }).max(64),
  password: z.string({ error: '请输入密码' }).min(1, { error: '请输入密码' }).max(256),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const Grant = z.object({
  role: RoleCode,
  scopeKind: ScopeKind,
  scopeId: z.string().nullable(),
  scopeName: z.string().nullable(),
});
export type Grant = z.infer<typeof Grant>;

export const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  committeeId: z.string().nullable(),
  unitId: z.string().nullable(),
  grants: z.array(Grant),
  permissions: z.array(Permission),
});
export type Me = z.infer<typeof Me>;
