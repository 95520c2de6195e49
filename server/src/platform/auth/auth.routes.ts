import { LoginInput, Me } from '@xuncha/contracts';
import { allPermissions, type SessionUser } from '../../access/session-user.ts';
import type { App } from '../http/app.ts';
import { type AppDeps, actorOf, contextOf } from '../http/context.ts';
import { authenticate, login, logout, SESSION_COOKIE } from './session.service.ts';

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

export function authRoutes(app: App, deps: AppDeps) {
  app.post(
    '/api/auth/login',
    { config: { public: true }, schema: { body: LoginInput, response: { 200: Me } } },
    async (req, reply) => {
      const session = await login(deps, req.body, actorOf(req), req.headers['user-agent'] ?? null);
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.config.secureCookies,
        path: '/',
        maxAge: session.maxAgeSeconds,
      });
      const user = await authenticate(deps, session.token);
      if (!user) throw new Error('session vanished right after login');
      return presentMe(user);
    },
  );

  app.post('/api/auth/logout', { config: { authenticated: true } }, async (req, reply) => {
    const ctx = contextOf(deps, req);
    await logout(ctx, req.cookies[SESSION_COOKIE] ?? '', ctx.actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { config: { authenticated: true }, schema: { response: { 200: Me } } }, (req) =>
    presentMe(contextOf(deps, req).user),
  );
}
