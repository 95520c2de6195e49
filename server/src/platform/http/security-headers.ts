// Security headers on every response, and `Cache-Control: no-store` on every API answer so that a
// shared or back-button cache never keeps a list of allegations. The header set is fixed, so it is
// built once at startup (@fastify/helmet rebuilds it on every request; it cost about 0.3 ms each here).
import type { App } from './app.ts';

/**
 * The Content-Security-Policy. Scripts only from our own origin, never inline, never eval. Styles do
 * allow 'unsafe-inline': antd 6 styles its components with CSS-in-JS, which inserts <style> elements
 * at run time; inline style is far less dangerous than inline script and no script may run from it.
 * Swagger UI at /api/docs loads its scripts from files and works under the same policy.
 */
export function contentSecurityPolicy(tls: boolean): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['script-src-attr', "'none'"],
    ['style-src', "'self'", "'unsafe-inline'"],
    // data: for antd's inline images, blob: for the previews and downloads the app builds in memory
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'", 'data:'],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
  // only behind TLS: on a plain-HTTP intranet it would send the browser to an https:// that is not there
  if (tls) directives.push(['upgrade-insecure-requests']);
  return directives.map((d) => d.join(' ')).join('; ');
}

/**
 * `tls`: the site is served over HTTPS (SECURE_COOKIES=true). Only then HSTS is sent: on plain HTTP a
 * browser ignores it, and sending it by mistake would lock users out of an HTTP-only intranet site.
 */
export function securityHeaders(tls: boolean): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(tls),
    'X-Content-Type-Options': 'nosniff',
    // frame-ancestors for current browsers, this for old ones: no framing, no clickjacking
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Permitted-Cross-Domain-Policies': 'none',
    'X-DNS-Prefetch-Control': 'off',
    ...(tls ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

export function registerSecurityHeaders(app: App, tls: boolean): void {
  const headers = securityHeaders(tls);
  // onRequest, first of all hooks: an answer refused by a later hook (401, 403, 429) has them too
  app.addHook('onRequest', async (_req, reply) => {
    reply.headers(headers);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    return payload;
  });
}
