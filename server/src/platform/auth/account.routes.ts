// 账号安全 API of the signed-in user: password, sessions, login history, TOTP. All under /api/auth/ so
// that every account, the 三员 included, reaches its own (user-admin/separation.ts).
import {
  ActiveSession,
  ChangePasswordInput,
  IdParams,
  LoginHistoryEntry,
  PageQuery,
  pageOf,
  RecoveryCodes,
  TotpCodeInput,
  TotpSetup,
  TwoFactorStatus,
} from '@xuncha/contracts';
import { z } from 'zod';
import type { App } from '../http/app.ts';
import { type AppDeps, contextOf } from '../http/context.ts';
import {
  changePassword,
  confirmTwoFactor,
  loginHistory,
  regenerateRecoveryCodes,
  startTwoFactor,
  twoFactorStatus,
} from './account.service.ts';
import { endSession, listSessions, logoutEverywhere, SESSION_COOKIE } from './session.service.ts';

const own = { config: { authenticated: true as const } };

export function accountRoutes(app: App, deps: AppDeps) {
  app.post('/api/auth/password', { ...own, schema: { body: ChangePasswordInput } }, async (req, reply) => {
    await changePassword(contextOf(deps, req), req.cookies[SESSION_COOKIE] ?? '', req.body);
    return reply.status(204).send();
  });

  app.get('/api/auth/sessions', { ...own, schema: { response: { 200: z.array(ActiveSession) } } }, (req) =>
    listSessions(deps, contextOf(deps, req).user.id, req.cookies[SESSION_COOKIE] ?? ''),
  );

  app.delete('/api/auth/sessions/:id', { ...own, schema: { params: IdParams } }, async (req, reply) => {
    const ctx = contextOf(deps, req);
    await endSession(ctx, ctx.user.id, req.params.id, ctx.actor);
    return reply.status(204).send();
  });

  app.post('/api/auth/logout-all', own, async (req, reply) => {
    const ctx = contextOf(deps, req);
    await logoutEverywhere(ctx, ctx.user.id, ctx.actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get(
    '/api/auth/login-history',
    { ...own, schema: { querystring: PageQuery, response: { 200: pageOf(LoginHistoryEntry) } } },
    (req) => loginHistory(contextOf(deps, req), req.query),
  );

  app.get('/api/auth/two-factor', { ...own, schema: { response: { 200: TwoFactorStatus } } }, (req) =>
    twoFactorStatus(contextOf(deps, req)),
  );

  app.post('/api/auth/two-factor/setup', { ...own, schema: { response: { 200: TotpSetup } } }, (req) =>
    startTwoFactor(contextOf(deps, req)),
  );

  app.post(
    '/api/auth/two-factor/confirm',
    { ...own, schema: { body: TotpCodeInput, response: { 200: RecoveryCodes } } },
    async (req) => ({ recoveryCodes: await confirmTwoFactor(contextOf(deps, req), req.body.code) }),
  );

  app.post(
    '/api/auth/two-factor/recovery-codes',
    { ...own, schema: { body: TotpCodeInput, response: { 200: RecoveryCodes } } },
    async (req) => ({ recoveryCodes: await regenerateRecoveryCodes(contextOf(deps, req), req.body.code) }),
  );
}
