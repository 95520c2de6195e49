// Request size limits (body, multipart, address, headers, path parameters) and errors that never leak
// internals: every refusal is { code, message (中文) } and nothing is written.
import { readdir } from 'node:fs/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createHarness, type Harness } from '../../test/harness.ts';
import { multipart } from '../../test/multipart.ts';
import { MAX_HEADER_COUNT, MAX_URL_LENGTH } from './request-guards.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({
    // routes that fail the way a bug would: a database error, a driver error with a path in it
    routes: (app, deps) => {
      const probe = { config: { authenticated: true } } as const;
      app.get('/api/__probe/missing-table', probe, () => sql`select * from no_such_table`.execute(deps.db));
      app.get('/api/__probe/bad-uuid', probe, () => sql`select ${'x; drop table task'}::uuid`.execute(deps.db));
      app.get('/api/__probe/duplicate', probe, async () => {
        const role = await deps.db.selectFrom('role').selectAll().executeTakeFirstOrThrow();
        return deps.db.insertInto('role').values(role).execute();
      });
      app.get('/api/__probe/throw', probe, () => {
        throw new Error(`ENOENT: no such file or directory, open '${deps.config.filesDir}/secret.pdf'`);
      });
    },
  });
});
afterAll(() => h.close());

/** Stack traces, SQL, table/constraint/driver words, file paths. */
const LEAK =
  /stack|\bselect\b|\binsert\b|\bdrop\b|violates|relation|constraint|syntax|duplicate|uuid|no_such_table|\brole\b|ENOENT|\/tmp\/|\.ts:\d|node_modules/i;
const CHINESE = /[\u4e00-\u9fa5]/;

function expectPlainError(res: { statusCode: number; body: string; json(): Record<string, unknown> }, status: number) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json();
  expect(Object.keys(body).sort()).toEqual(['code', 'message']);
  expect(body.message).toMatch(CHINESE);
  expect(res.body).not.toMatch(LEAK);
}

describe('errors never leak', () => {
  it('database errors (missing table, bad cast, unique violation) and thrown errors are a plain 500', async () => {
    const office = await h.as('office');
    for (const url of ['missing-table', 'bad-uuid', 'duplicate', 'throw']) {
      const res = await office.get(`/api/__probe/${url}`);
      expectPlainError(res, 500);
      expect(res.json().code).toBe('internal');
    }
  });

  it('an id that is not a uuid is a 400 with a Chinese message, not a database error', async () => {
    const res = await (await h.as('office')).get('/api/tasks/not-a-uuid');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation');
    expect(res.json().message).toMatch(CHINESE);
  });

  it('an unknown API route is a JSON 404; malformed JSON is a 400', async () => {
    const office = await h.as('office');
    expectPlainError(await office.request({ method: 'DELETE', url: '/api/nothing/here' }), 404);
    const before = await countRows(h, 'round');
    const res = await office.request({
      method: 'POST',
      url: '/api/rounds',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "x", ',
    });
    expectPlainError(res, 400);
    expect(await countRows(h, 'round')).toBe(before);
  });
});

describe('size limits', () => {
  it('refuses a JSON body over 1 MB with 413', async () => {
    const before = await countRows(h, 'round');
    const res = await (await h.as('office')).post('/api/rounds', { name: '巡'.repeat(600_000) });
    expectPlainError(res, 413);
    expect(res.json().code).toBe('payload_too_large');
    expect(await countRows(h, 'round')).toBe(before);
  });

  it('refuses a multipart body with too many fields or a second file, receiving nothing', async () => {
    const zerenren = await h.as('zerenren');
    const url = `/api/tasks/${h.demo.tasks.overdue}/evidence`;
    const before = await countRows(h, 'evidence');
    const fields = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, 'x']));
    const tooManyFields = await zerenren.request({ method: 'POST', url, ...multipart(fields) });
    expectPlainError(tooManyFields, 413);
    const pdf = { filename: 'a.pdf', content: Buffer.from('%PDF-1.4 a') };
    const one = multipart({ kind: 'document', description: '材料' }, pdf);
    const second = multipart({}, { ...pdf, filename: 'b.pdf' });
    // two file parts in one body: splice the second body's part in before the first body's end
    const boundaryOf = (b: typeof one) => b.headers['content-type'].split('boundary=')[1] as string;
    const secondPart = second.payload
      .toString('latin1')
      .replaceAll(boundaryOf(second), boundaryOf(one))
      .replace(`--${boundaryOf(one)}--\r\n`, '');
    const twoFiles = Buffer.from(
      one.payload.toString('latin1').replace(`--${boundaryOf(one)}--\r\n`, `${secondPart}--${boundaryOf(one)}--\r\n`),
      'latin1',
    );
    const res = await zerenren.request({ method: 'POST', url, headers: one.headers, payload: twoFiles });
    expect([400, 413]).toContain(res.statusCode);
    expect(res.json().message).toMatch(CHINESE);
    expect(await countRows(h, 'evidence')).toBe(before);
  });

  it('refuses an over-long address or path parameter (414), too many headers (431), a malformed address (400)', async () => {
    const office = await h.as('office');
    const longUrl = `/api/tasks?q=${'a'.repeat(MAX_URL_LENGTH)}`;
    expectPlainError(await office.get(longUrl), 414);
    const headers = Object.fromEntries(Array.from({ length: MAX_HEADER_COUNT + 5 }, (_, i) => [`x-filler-${i}`, 'x']));
    expectPlainError(await office.request({ method: 'GET', url: '/api/tasks', headers }), 431);
    // these two the router refuses before any hook: still our body, and the basic headers
    for (const [url, status] of [
      [`/api/tasks/${'a'.repeat(200)}`, 414],
      ['/api/tasks/%E0%A4%A', 400],
    ] as const) {
      const res = await office.get(url);
      expectPlainError(res, status);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });
});

describe('uploads over HTTP', () => {
  it('store a hostile name as a label only and serve the file as an attachment with its checked type', async () => {
    const zerenren = await h.as('zerenren');
    const content = Buffer.from('%PDF-1.4\n%%EOF\n');
    const upload = await zerenren.request({
      method: 'POST',
      url: `/api/tasks/${h.demo.tasks.overdue}/evidence`,
      ...multipart(
        { kind: 'document', description: '材料' },
        { filename: '../../etc/整改\u0000报告.pdf', content, contentType: 'text/html' },
      ),
    });
    expect(upload.statusCode, upload.body).toBe(200);
    expect(upload.json().fileName).toBe('整改报告.pdf');
    const stored = await readdir(h.filesDir, { recursive: true });
    expect(stored.some((name) => name.includes('整改') || name.includes('etc'))).toBe(false);
    const download = await zerenren.get(`/api/evidence/${upload.json().id}/file`);
    expect(download.statusCode).toBe(200);
    // the type the content was checked to be, never the client's claim (text/html)
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toMatch(/^attachment; /);
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('整改报告.pdf'));
    expect(download.headers['content-security-policy']).toContain("default-src 'self'");
  });
});
