// Checks every request passes before any route or session work: its size (address length, header
// count) and, for a state-changing API call, the CSRF header.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { App } from './app.ts';

/**
 * CSRF defence, in addition to the session cookie's SameSite=Strict: every state-changing API call
 * must carry `X-Xuncha-Csrf: 1`. A custom header rather than a double-submit token cookie because a
 * page of another site cannot send one: HTML forms cannot set headers, and a cross-origin fetch that
 * does triggers a CORS preflight this server never approves (it enables no CORS). So the header's
 * presence alone proves the call comes from our own origin (or from a non-browser API client, which
 * holds no victim's cookie anyway), with no token to issue, store, rotate or expose to scripts.
 */
export const CSRF_HEADER = 'x-xuncha-csrf';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Longer addresses get 414: no API takes more than a few filters (Node caps all headers at 16 KB). */
export const MAX_URL_LENGTH = 4096;
/** Browsers send about 20 headers; hundreds are a parser-exhaustion attempt (431). */
export const MAX_HEADER_COUNT = 100;
/** Longest path parameter the router accepts (ids are 36-character UUIDs); longer → 404. */
export const MAX_PARAM_LENGTH = 100;

function requiresCsrfHeader(req: FastifyRequest): boolean {
  // Public routes (login, the public reporting channel) act on no session, so a forged call gains
  // nothing a direct one would not; they still accept only JSON, which a cross-site form cannot send.
  return STATE_CHANGING.has(req.method) && req.url.startsWith('/api/') && !req.routeOptions.config.public;
}

export function registerRequestGuards(app: App): void {
  app.addHook('onRequest', async (req) => {
    if (req.url.length > MAX_URL_LENGTH) {
      throw new AppError(414, 'payload_too_large', `请求地址过长（超过 ${MAX_URL_LENGTH} 个字符），请减少查询条件`);
    }
    if (req.raw.rawHeaders.length / 2 > MAX_HEADER_COUNT) {
      throw new AppError(431, 'payload_too_large', '请求头数量过多，已拒绝');
    }
    if (requiresCsrfHeader(req) && req.headers[CSRF_HEADER] !== '1') {
      throw new AppError(403, 'csrf', '请求缺少安全校验标头（X-Xuncha-Csrf），已拒绝；请刷新页面后重试');
    }
  });
}
