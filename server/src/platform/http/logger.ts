// Structured logs (pino). Cookies, credentials and request bodies are never logged: bodies may
// carry allegations, passwords or interview notes.
import type { FastifyServerOptions } from 'fastify';

export function loggerOptions(level: string, stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      censor: '[已隐藏]',
    },
    serializers: {
      req: (req: { method: string; url: string; id: string; ip?: string }) => ({
        id: req.id,
        method: req.method,
        // the query string can hold search words about people: keep only the path
        url: req.url.split('?')[0],
        ip: req.ip,
      }),
    },
  };
}
