// Text the database cannot store: PostgreSQL refuses NUL in text, and a lone UTF-16 surrogate has no
// UTF-8 form. Either reached the database as a driver error (500). Refused here with a 400 after the
// route's own validation, before any handler runs, for every string in the body, query and params.
import { badRequest } from '../errors.ts';
import type { App } from './app.ts';

function unstorable(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000') || !value.isWellFormed();
  if (depth > 32 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => unstorable(k, depth + 1) || unstorable(v, depth + 1));
}

export function registerTextGuard(app: App): void {
  app.addHook('preHandler', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    if (unstorable(req.body) || unstorable(req.query) || unstorable(req.params)) {
      throw badRequest('内容含有无法保存的字符（空字符或不成对的代理字符），请删除后重试');
    }
  });
}
