// Login (password, then second factor or forced enrolment when due), logout and me.
import {
  EnrolmentResult,
  LoginInput,
  LoginResult,
  type Me,
  MeWithState,
  PendingTokenInput,
  SecondFactorInput,
  TotpSetup,
} from '@xuncha/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { allPermissions, type SessionUser } from '../../access/session-user.ts';
import type { App } from '../http/app.ts';
import { type AppDeps, actorOf, contextOf } from '../http/context.ts';
import { accountRoutes } from './account.routes.ts';
import { enrolmentConfirm, enrolmentStart, type LoginClient, passwordStep, secondFactorStep } from './login.service.ts';
import { authenticate, logout, type NewSession, SESSION_COOKIE } from './session.service.ts';

export function presentMe(user: SessionUser): Me {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    committeeId: user.committeeId,
    unitId: user.unitId,
    grants: user.grants.map(({ role, scopeKind, scopeId, scopeName }) => ({ role, scopeKind, scopeId, scopeName })),
    permissions: allPermissions(user),
  };
}

async function meWithState(deps: AppDeps, user: SessionUser): Promise<MeWithState> {
  const state = await deps.db
    .selectFrom('app_user')
    .select(['must_change_password', 'totp_secret_sealed'])
    .where('id', '=', user.id)
    .executeTakeFirstOrThrow();
  return {
    ...presentMe(user),
    mustChangePassword: state.must_change_password,
    twoFactorEnabled: state.totp_secret_sealed !== null,
  };
}

const clientOf = (req: FastifyRequest): LoginClient => ({
  actor: actorOf(req),
  userAgent: req.headers['user-agent'] ?? null,
});

/** Sets the session cookie and answers with the signed-in user. */
async function signedIn(deps: AppDeps, reply: FastifyReply, session: NewSession): Promise<MeWithState> {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: deps.config.secureCookies,
    path: '/',
    maxAge: session.maxAgeSeconds,
  });
  const user = await authenticate(deps, session.token);
  if (!user) throw new Error('session vanished right after login');
  return meWithState(deps, user);
}

export function authRoutes(app: App, deps: AppDeps) {
  app.post(
    '/api/auth/login',
    { config: { public: true }, schema: { body: LoginInput, response: { 200: LoginResult } } },
    async (req, reply) => {
      const outcome = await passwordStep(deps, req.body, clientOf(req));
      if (outcome.kind === 'challenge')
        return {
          needSecondFactor: true as const,
          pendingToken: outcome.pendingToken,
          enrolmentRequired: outcome.enrolmentRequired,
        };
      return signedIn(deps, reply, outcome.session);
    },
  );

  app.post(
    '/api/auth/login/second-factor',
    { config: { public: true }, schema: { body: SecondFactorInput, response: { 200: MeWithState } } },
    async (req, reply) => signedIn(deps, reply, (await secondFactorStep(deps, req.body, clientOf(req))).session),
  );

  app.post(
    '/api/auth/login/enrolment',
    { config: { public: true }, schema: { body: PendingTokenInput, response: { 200: TotpSetup } } },
    (req) => enrolmentStart(deps, req.body.pendingToken),
  );

  app.post(
    '/api/auth/login/enrolment/confirm',
    { config: { public: true }, schema: { body: SecondFactorInput, response: { 200: EnrolmentResult } } },
    async (req, reply) => {
      const { session, recoveryCodes } = await enrolmentConfirm(deps, req.body, clientOf(req));
      return { ...(await signedIn(deps, reply, session)), recoveryCodes };
    },
  );

  app.post('/api/auth/logout', { config: { authenticated: true } }, async (req, reply) => {
    const ctx = contextOf(deps, req);
    await logout(ctx, req.cookies[SESSION_COOKIE] ?? '', ctx.actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { config: { authenticated: true }, schema: { response: { 200: MeWithState } } }, (req) =>
    meWithState(deps, contextOf(deps, req).user),
  );

  accountRoutes(app, deps);
}
