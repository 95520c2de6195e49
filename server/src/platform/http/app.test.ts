// The application shell: health, OpenAPI, the error contract and the route table's access declarations.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { PERMISSIONS } from '@xuncha/contracts';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { buildApp } from './app.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../migrations');
const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';
const apiRoutes = () => h.app.routeTable;
/** What no error body may reveal: stack traces, SQL, driver messages, file paths. */
const LEAK =
  /stack|\bselect\b|\binsert\b|\bupdate\b|\bwhere\b|violates|relation|constraint|syntax|\.ts:\d|node_modules/i;

describe('GET /api/health', () => {
  it('is public and reports the engine and the migration version', async () => {
    const res = await h.anonymous.get('/api/health');
    expect(res.statusCode).toBe(200);
    const migrations = (await readdir(MIGRATIONS_DIR)).filter((n) => /^\d{4}_.+\.sql$/.test(n));
    expect(migrations.length).toBeGreaterThan(0);
    expect(res.json()).toEqual({
      status: 'ok',
      database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
      migrationVersion: migrations.length,
    });
  });
});

describe('GET /api/openapi.json', () => {
  it('is a public OpenAPI 3 document listing the API', async () => {
    const res = await h.anonymous.get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info).toMatchObject({ title: expect.stringContaining('巡察'), version: expect.any(String) });
    expect(doc.components.securitySchemes.session).toEqual({ type: 'apiKey', in: 'cookie', name: 'xuncha_sid' });
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/tasks', '/api/tasks/{id}', '/api/health']));
    expect(doc.paths['/api/tasks'].get.parameters.map((p: { name: string }) => p.name)).toContain('overdue');
    for (const [url, item] of Object.entries(doc.paths as Record<string, Record<string, OpenApiOperation>>)) {
      expect(url.startsWith('/')).toBe(true);
      const templated = [...url.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(item)) {
        expect(Object.keys(op.responses ?? {}).length, `${method} ${url}`).toBeGreaterThan(0);
        const inPath = (op.parameters ?? []).filter((p) => p.in === 'path');
        expect(inPath.map((p) => p.name).sort(), `${method} ${url}`).toEqual(templated.sort());
        expect(inPath.every((p) => p.required)).toBe(true);
      }
    }
  });
});
interface OpenApiOperation {
  responses?: Record<string, unknown>;
  parameters?: { name: string; in: string; required?: boolean }[];
}

describe('error contract', () => {
  it('answers a malformed JSON body with 400 and a Chinese message', async () => {
    for (const client of [h.anonymous, await h.as('office')]) {
      const res = await client.request({
        method: 'POST',
        url: client === h.anonymous ? '/api/auth/login' : '/api/rounds',
        headers: { 'content-type': 'application/json' },
        payload: '{"username": "office",',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ code: 'validation', message: '请求内容不是有效的 JSON' });
    }
  });

  it('answers an oversized body with 413 and an unsupported content type with 415', async () => {
    const big = await h.anonymous.request({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'office', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toEqual({ code: 'payload_too_large', message: '上传内容超过大小限制' });
    const xml = await (await h.as('office')).request({
      method: 'POST',
      url: '/api/rounds',
      headers: { 'content-type': 'application/xml' },
      payload: '<round/>',
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().code).toBe('unsupported_media');
  });

  it('answers an unknown API route with a JSON 404 (after login) or 401 (before)', async () => {
    expect((await h.anonymous.get('/api/no-such-thing')).statusCode).toBe(401);
    const office = await h.as('office');
    for (const res of [await office.get('/api/no-such-thing?q=secret'), await office.post('/api/no-such-thing', {})]) {
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toEqual({ code: 'not_found', message: '接口不存在' });
    }
  });

  it('never reveals a stack trace or SQL, even for a server error', async () => {
    const office = await h.as('office');
    // year 0 passes the date format check but PostgreSQL cannot store it: a database error
    const serverError = await office.post('/api/rounds', {
      committeeId: h.demo.committeeId,
      name: '错误日期',
      year: 2026,
      seq: 9,
      startDate: '0000-01-01',
      endDate: '0000-01-02',
    });
    expect(serverError.statusCode).toBeGreaterThanOrEqual(400);
    const responses = [
      serverError,
      await office.post('/api/rounds', { committeeId: 'x' }),
      await office.get(`/api/tasks/${SAMPLE_ID}`),
      await office.post(`/api/tasks/${h.demo.tasks.closed}/verify`, {}),
      await office.get('/api/tasks?sort=drop%20table'),
    ];
    for (const res of responses) {
      const body = res.json();
      expect(
        Object.keys(body).every((k) => ['code', 'message', 'details'].includes(k)),
        res.body,
      ).toBe(true);
      expect(res.body).not.toMatch(LEAK);
      expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});

describe('route table', () => {
  it('collects the registered routes', () => {
    const table = apiRoutes().map((r) => `${r.method} ${r.url}`);
    expect(table).toEqual(
      expect.arrayContaining(['GET /api/tasks', 'POST /api/tasks/:id/evidence', 'POST /api/auth/login']),
    );
  });

  it('refuses to add an API route that does not declare who may call it', async () => {
    const app = await buildApp(
      { db: h.database.db, dbKind: h.database.kind, config: h.config, clock: h.clock },
      { logger: false, webDist: null },
    );
    expect(() => app.get('/api/undeclared', () => 'x')).toThrow(/必须且只能声明/);
    expect(() => app.get('/api/both', { config: { public: true, permission: 'task.read' } }, () => 'x')).toThrow();
    await app.close();
  });

  it('uses only permissions that exist in the contracts and in the database, which agree exactly', async () => {
    const dbPermissions = (await h.database.db.selectFrom('permission').select('code').execute()).map((p) => p.code);
    expect(dbPermissions.sort()).toEqual([...PERMISSIONS].sort());
    const used = new Set(
      apiRoutes().flatMap((r) => (r.access === 'public' || r.access === 'authenticated' ? [] : [r.access])),
    );
    expect(used.size).toBeGreaterThan(10);
    for (const permission of used) {
      expect(PERMISSIONS, permission).toContain(permission);
      expect(dbPermissions, permission).toContain(permission);
    }
  });

  it('refuses every non-public API route to an anonymous caller with 401', async () => {
    const checked: string[] = [];
    for (const route of apiRoutes()) {
      const url = route.url.replaceAll(/:\w+/g, SAMPLE_ID);
      const res = await h.anonymous.request({ method: route.method as InjectOptions['method'], url });
      const isPublic = route.access === 'public';
      expect(res.statusCode === 401, `${route.method} ${route.url} → ${res.statusCode}`).toBe(!isPublic);
      checked.push(route.url);
    }
    expect(checked.length).toBeGreaterThan(15);
  });
});
