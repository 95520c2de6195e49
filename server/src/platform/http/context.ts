// What a use case receives: the database, the user, the clock, config and who to blame in the audit log.
import type { FastifyRequest } from 'fastify';
import type { SessionUser } from '../../access/session-user.ts';
import type { AuditActor } from '../audit.ts';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db.ts';
import { unauthenticated } from '../errors.ts';

export interface AppDeps {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  config: Config;
  clock: Clock;
}

export interface RequestContext extends AppDeps {
  user: SessionUser;
  actor: AuditActor;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
  }
  interface FastifyInstance {
    /** Every /api route with its declared access (filled as routes are added). */
    routeTable: import('./app.ts').RouteDeclaration[];
  }
  interface FastifyContextConfig {
    /** Exactly one of these is declared on every /api route (checked when the route is added). */
    public?: true;
    authenticated?: true;
    permission?: import('@xuncha/contracts').Permission;
    /** Puts the route in a rate-limited group (rate-limits.ts); most routes are grouped by their URL there. */
    rateLimitGroup?: import('./rate-limits.ts').RateLimitGroup;
  }
}

export function actorOf(req: FastifyRequest): AuditActor {
  return { userId: req.user?.id ?? null, userName: req.user?.displayName ?? null, requestId: req.id, ip: req.ip };
}

export function contextOf(deps: AppDeps, req: FastifyRequest): RequestContext {
  if (!req.user) throw unauthenticated();
  return { ...deps, user: req.user, actor: actorOf(req) };
}
