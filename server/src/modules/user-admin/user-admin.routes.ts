// 用户管理 (系统管理员: user.manage) and 角色授权 (安全管理员: role.assign). Lists need user.read.
import {
  AdminUser,
  AdminUserCreate,
  AdminUserPage,
  AdminUserQuery,
  AdminUserUpdate,
  GrantParams,
  IdParams,
  PasswordReset,
  RoleGrantCreate,
  roleLabel,
} from '@xuncha/contracts';
import { exportBatches, registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import * as roles from './role-assign.service.ts';
import { listAccounts } from './user-admin.repository.ts';
import * as service from './user-admin.service.ts';

const one = { 200: AdminUser };

export function userAdminRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/admin/users',
    { config: { permission: 'user.read' }, schema: { querystring: AdminUserQuery, response: { 200: AdminUserPage } } },
    (req) => service.listUsers(contextOf(deps, req), req.query),
  );
  registerExport(app, deps, {
    path: '/api/admin/users/export',
    permission: 'user.read',
    entity: 'app_user',
    querystring: AdminUserQuery,
    sheetName: '用户名册',
    fileName: '用户名册',
    columns: [
      { header: '用户名', key: 'username', width: 16 },
      { header: '姓名', key: 'displayName', width: 12 },
      { header: '派出党委', key: 'committeeName', width: 24 },
      { header: '所属单位', key: 'unitName', width: 24 },
      { header: '角色', key: 'roles', width: 30 },
      { header: '启用', key: 'active', type: 'bool' },
      { header: '须改密码', key: 'mustChangePassword', type: 'bool' },
      { header: '最近登录', key: 'lastLoginAt', width: 22 },
    ],
    rows: (ctx, query) =>
      exportBatches(async ({ offset, limit }) => {
        const page = await listAccounts(ctx.db, ctx.user, query, { offset, limit }, ctx.clock.now());
        return page.items.map((u) => ({ ...u, roles: u.grants.map((g) => roleLabel[g.role]) }));
      }),
  });
  app.get(
    '/api/admin/users/:id',
    { config: { permission: 'user.read' }, schema: { params: IdParams, response: one } },
    (req) => service.getUser(contextOf(deps, req), req.params.id),
  );
  app.post(
    '/api/admin/users',
    { config: { permission: 'user.manage' }, schema: { body: AdminUserCreate, response: one } },
    (req) => service.createUser(contextOf(deps, req), req.body),
  );
  app.patch(
    '/api/admin/users/:id',
    { config: { permission: 'user.manage' }, schema: { params: IdParams, body: AdminUserUpdate, response: one } },
    (req) => service.updateUser(contextOf(deps, req), req.params.id, req.body),
  );
  for (const [action, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const)
    app.post(
      `/api/admin/users/:id/${action}`,
      { config: { permission: 'user.manage' }, schema: { params: IdParams, response: one } },
      (req) => service.setUserActive(contextOf(deps, req), req.params.id, active),
    );
  app.post(
    '/api/admin/users/:id/reset-password',
    { config: { permission: 'user.manage' }, schema: { params: IdParams, body: PasswordReset, response: one } },
    (req) => service.resetPassword(contextOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/admin/users/:id/unlock',
    { config: { permission: 'user.manage' }, schema: { params: IdParams, response: one } },
    (req) => service.unlockUser(contextOf(deps, req), req.params.id),
  );
  app.post(
    '/api/admin/users/:id/grants',
    { config: { permission: 'role.assign' }, schema: { params: IdParams, body: RoleGrantCreate, response: one } },
    (req) => roles.grantRole(contextOf(deps, req), req.params.id, req.body),
  );
  app.delete(
    '/api/admin/users/:id/grants/:grantId',
    { config: { permission: 'role.assign' }, schema: { params: GrantParams, response: one } },
    (req) => roles.revokeRole(contextOf(deps, req), req.params.id, req.params.grantId),
  );
}
