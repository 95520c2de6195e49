// Rate limits for the routes worth abusing: sign-in (password guessing), the public channel (spam,
// receipt-code guessing), exports and file downloads (bulk exfiltration by a stolen session).
//
// Routes are put into a group here, by URL, when they are added (or by `config.rateLimitGroup`, as
// `registerExport` does), so the modules that own them need no change. Each group is ONE bucket per
// key, shared by all its routes: with a per-route limit, twenty export routes would mean twenty times
// the allowance. That is why the limiters come from `createRateLimit` rather than per-route
// `config.rateLimit` (which keeps a separate counter per route), and why the plugin is not global.
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimits } from '../config.ts';
import { AppError } from '../errors.ts';
import type { App } from './app.ts';

export type RateLimitGroup = 'login' | 'public' | 'export' | 'download';

type Hook = (req: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** GET routes that send a stored file or a generated 公文/template (their modules declare nothing). */
const DOWNLOAD_URL = /(\/file|\/attachments\/:attachmentId|\.docx|-template)$/;
const WINDOW_MS = 60_000;

interface RouteShape {
  method: string | string[];
  url: string;
  config?: { public?: true; rateLimitGroup?: RateLimitGroup };
}

export function rateLimitGroupOf(route: RouteShape): RateLimitGroup | null {
  const methods = [route.method].flat();
  if (route.config?.rateLimitGroup) return route.config.rateLimitGroup;
  if (route.url.startsWith('/api/public/')) return 'public';
  // sign-in and its further steps (second factor): every public POST under /api/auth/
  if (route.url.startsWith('/api/auth/') && route.config?.public && methods.includes('POST')) return 'login';
  if (methods.includes('GET') && DOWNLOAD_URL.test(route.url)) return 'download';
  return null;
}

const MESSAGES: Record<RateLimitGroup, string> = {
  login: '登录尝试过于频繁',
  public: '提交或查询过于频繁',
  export: '导出过于频繁',
  download: '下载过于频繁',
};

/** The username a sign-in request names, normalised, or null (second-factor steps name none). */
function usernameOf(req: FastifyRequest): string | null {
  const body = req.body as { username?: unknown } | undefined;
  return typeof body?.username === 'string' ? body.username.trim().toLowerCase().slice(0, 100) : null;
}

export async function registerRateLimits(app: App, limits: RateLimits): Promise<void> {
  await app.register(fastifyRateLimit, { global: false });

  const limiter = (max: number, message: string, keyOf: (req: FastifyRequest) => string | null): Hook => {
    const check = app.createRateLimit({ max, timeWindow: WINDOW_MS, keyGenerator: (req) => keyOf(req) ?? '' });
    return async (req, reply) => {
      if (keyOf(req) === null) return;
      const result = await check(req);
      if (result.isAllowed || !result.isExceeded) return;
      reply.header('Retry-After', String(result.ttlInSeconds));
      throw new AppError(429, 'rate_limited', `${message}，请 ${result.ttlInSeconds} 秒后再试`);
    };
  };
  const byAddress = (req: FastifyRequest) => req.ip;
  // after the auth hook: a signed-in user is counted as themself wherever they connect from
  const byUser = (req: FastifyRequest) => req.user?.id ?? req.ip;
  const groupHooks: Record<RateLimitGroup, Hook> = {
    login: limiter(limits.loginPerIp, MESSAGES.login, byAddress),
    public: limiter(limits.public, MESSAGES.public, byAddress),
    export: limiter(limits.export, MESSAGES.export, byUser),
    download: limiter(limits.download, MESSAGES.download, byUser),
  };
  // the username is in the body: checked once it is parsed, so one account cannot be tried from many addresses
  const perUsername = limiter(limits.loginPerUser, MESSAGES.login, usernameOf);

  app.addHook('onRoute', (route) => {
    const group = rateLimitGroupOf(route);
    if (!group) return;
    route.onRequest = [...[route.onRequest ?? []].flat(), groupHooks[group]];
    if (group === 'login') route.preHandler = [...[route.preHandler ?? []].flat(), perUsername];
  });
}
