// The Fastify application factory: plugins, auth hook, module routes, OpenAPI and the web app.
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { Permission } from '@xuncha/contracts';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { holdsPermission } from '../../access/session-user.ts';
import { registerModuleRoutes } from '../../modules/routes.ts';
import { guardPasswordChange } from '../auth/password-gate.ts';
import { authenticate, SESSION_COOKIE } from '../auth/session.service.ts';
import { forbidden, unauthenticated } from '../errors.ts';
import type { AppDeps } from './context.ts';
import { errorHandler, frameworkErrorHandler } from './error-handler.ts';
import { loggerOptions } from './logger.ts';
import { registerRateLimits } from './rate-limits.ts';
import { MAX_PARAM_LENGTH, registerRequestGuards } from './request-guards.ts';
import { registerSecurityHeaders, securityHeaders } from './security-headers.ts';
import { registerTextGuard } from './text-guard.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
const WEB_DIST = path.resolve(import.meta.dirname, '../../../../web/dist');

export interface BuildOptions {
  /** false: no request logging (API tests) */
  logger?: boolean;
  /** where log lines go instead of stdout (tests read them) */
  logStream?: { write(line: string): void };
  /** the built web app to serve; null serves the API alone */
  webDist?: string | null;
}

/** Who may call a route, as declared in its config: the table the authorization tests walk. */
export interface RouteDeclaration {
  method: string;
  url: string;
  access: 'public' | 'authenticated' | Permission;
}

export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<App> {
  const logger = options.logger === false ? false : loggerOptions(deps.config.logLevel, options.logStream);
  const app = Fastify({
    logger,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: frameworkErrorHandler(securityHeaders(deps.config.secureCookies)),
    trustProxy: false,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.decorateRequest('user', null);
  // before our auth hook, so cookies are parsed when it runs
  await app.register(fastifyCookie);
  // before the auth hook: headers go on every answer, and oversized or forged requests stop before any session work
  registerSecurityHeaders(app, deps.config.secureCookies);
  registerRequestGuards(app);
  registerTextGuard(app);
  await registerRateLimits(app, deps.config.rateLimits);

  // Every /api route must say who may call it; a route without a declaration fails at startup.
  const routeTable: RouteDeclaration[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const c = route.config ?? {};
    const declared = [c.public, c.authenticated, c.permission].filter(Boolean).length;
    if (declared !== 1)
      throw new Error(`路由 ${route.method} ${route.url} 必须且只能声明 public、authenticated 或 permission 之一`);
    const access = c.permission ?? (c.public ? 'public' : 'authenticated');
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', async (req) => {
    const config = req.routeOptions.config;
    if (!req.url.startsWith('/api/') || config.public || req.url.startsWith('/api/docs')) return;
    const token = req.cookies[SESSION_COOKIE];
    const user = token ? await authenticate(deps, token) : null;
    req.user = user;
    if (!user) throw unauthenticated('登录已失效，请重新登录');
    guardPasswordChange(user.mustChangePassword, req.routeOptions.url);
    if (config.permission && !holdsPermission(user, config.permission)) throw forbidden();
  });

  await app.register(fastifyMultipart, {
    limits: { fileSize: deps.config.uploadMaxBytes, files: 1, fields: 10, fieldSize: 10_000 },
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Xuncha 巡察全周期管理平台 API', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());

  await registerModuleRoutes(app, deps);
  await registerWebApp(app, options.webDist === undefined ? WEB_DIST : options.webDist);
  return app;
}

async function registerWebApp(app: App, webDist: string | null) {
  const hasWeb = webDist !== null && existsSync(webDist);
  if (hasWeb) await app.register(fastifyStatic, { root: webDist });
  // The web app routes on the client: unknown page paths get index.html. API calls, missing build
  // assets and non-GET requests get a JSON 404, so a stale bundle fails visibly instead of as HTML.
  app.setNotFoundHandler((req, reply) => {
    const isPage = req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/assets/');
    if (hasWeb && isPage) return reply.type('text/html').sendFile('index.html');
    return reply
      .status(404)
      .send({ code: 'not_found', message: req.url.startsWith('/api/') ? '接口不存在' : '页面不存在' });
  });
}
