// Need-to-know for public reports, proven from the outside: a report whose text and contact carry unique
// markers is filed; then every demo login (and an anonymous caller) calls every endpoint that could show
// it. The markers reach only the team leader (and a designated reader while granted) — never a list row,
// an export, an error, the audit log, a plaintext column or a log line.
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../platform/http/app.ts';
import { CSRF_HEADER } from '../../platform/http/request-guards.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../../seed/demo.ts';
import { createHarness, type Harness } from '../../test/harness.ts';
import { multipart } from '../../test/multipart.ts';
import { needsSecondFactor, secondFactorClient } from '../../test/two-factor.ts';
import { xlsxCells } from '../clue/clue.test-support.ts';
import { png, reportFields } from './public-report.test-support.ts';

const tag = randomBytes(4).toString('hex');
const TEXT_MARKER = `举报密标${tag}`;
const CONTACT_MARKER = `联系人${tag}`;
const USERNAMES = [...DEMO_USERS.map((u) => u.username), 'outsider'];

let h: Harness;
let app: App;
const logLines: string[] = [];
const cookies = new Map<string, string>();
let reportId: string;

/** The real logger (level info) writing to memory, over the harness's database and key. */
async function loggingApp(): Promise<App> {
  const config = { ...h.config, logLevel: 'info' as const };
  const built = await buildApp(
    { db: h.database.db, dbKind: h.database.kind, config, clock: h.clock },
    { logStream: { write: (line: string) => logLines.push(line) }, webDist: null },
  );
  await built.ready();
  return built;
}

function call(username: string | null, method: 'GET' | 'POST', url: string, payload?: object) {
  const cookie = username ? cookies.get(username) : undefined;
  return app.inject({
    method,
    url,
    ...(payload ? { payload } : {}),
    headers: { ...(cookie ? { cookie } : {}), [CSRF_HEADER]: '1' },
  });
}

async function text(res: LightMyRequestResponse): Promise<string> {
  if (res.statusCode === 200 && String(res.headers['content-type']).includes('spreadsheetml'))
    return (await xlsxCells(res)).flat().join('\n');
  return res.body;
}

async function everythingSeenBy(username: string | null): Promise<string> {
  const inspection = h.demo.jiaoyuInspectionId;
  const requests: [method: 'GET' | 'POST', url: string, payload?: object][] = [
    ['GET', '/api/public-report-inboxes'],
    ['GET', `/api/inspections/${inspection}/public-reports`],
    ['GET', `/api/public-reports/${reportId}`],
    ['GET', `/api/public-reports/export?inspectionId=${inspection}`],
    ['POST', `/api/public-reports/${reportId}/start`],
    ['POST', `/api/public-reports/${reportId}/reply`, { text: '已收悉' }],
    ['GET', '/api/public/report-targets'],
    ['GET', '/api/notifications'],
    ['GET', `/api/inspections/${inspection}`],
    ['GET', `/api/inspections/${inspection}/fieldwork`],
    ['GET', '/api/clues'],
  ];
  const bodies: string[] = [];
  for (const [method, url, payload] of requests) bodies.push(await text(await call(username, method, url, payload)));
  return bodies.join('\n');
}

async function whoSees() {
  const content: string[] = [];
  const contact: string[] = [];
  for (const username of [...USERNAMES, null]) {
    const seen = await everythingSeenBy(username);
    if (seen.includes(TEXT_MARKER)) content.push(username ?? 'anonymous');
    if (seen.includes(CONTACT_MARKER)) contact.push(username ?? 'anonymous');
  }
  return { content: content.sort(), contact: contact.sort() };
}

beforeAll(async () => {
  h = await createHarness();
  app = await loggingApp();
  // the 三员 log in with their second factor, as the harness does
  const secondFactor = secondFactorClient(app, h.clock);
  for (const username of USERNAMES) {
    const password = username === 'outsider' ? 'Outsider@2026' : DEMO_PASSWORD;
    const first = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    const res = needsSecondFactor(first) ? await secondFactor(username, first) : first;
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode}`);
    cookies.set(username, res.cookies.map((c) => `${c.name}=${c.value}`).join('; '));
  }
  const fields = reportFields(h.demo.jiaoyuInspectionId, {
    text: `反映${TEXT_MARKER}在食堂采购中吃回扣`,
    contactName: CONTACT_MARKER,
  });
  const body = multipart(fields, [png(`${TEXT_MARKER}.png`)]);
  const res = await app.inject({
    method: 'POST',
    url: '/api/public/reports',
    payload: body.payload,
    headers: body.headers,
  });
  expect(res.statusCode, res.body).toBe(200);
  reportId = (await h.database.db.selectFrom('public_report').select('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await app.close();
  await h.close();
});

describe('public report confidentiality', () => {
  it('by default: text and contact only to the team leader', async () => {
    expect(await whoSees()).toEqual({ content: ['zuzhang'], contact: ['zuzhang'] });
  });

  it('a designated reader sees it while granted, not after revocation', async () => {
    const grants = `/api/inspections/${h.demo.jiaoyuInspectionId}/public-report-grants`;
    const granted = await call('office', 'POST', grants, { userId: h.demo.users.banshi });
    expect(granted.statusCode).toBe(200);
    expect(await whoSees()).toEqual({ content: ['banshi', 'zuzhang'], contact: ['banshi', 'zuzhang'] });
    const grantId = granted.json().items[0].id;
    expect((await call('office', 'POST', `${grants}/${grantId}/revoke`)).statusCode).toBe(200);
    expect(await whoSees()).toEqual({ content: ['zuzhang'], contact: ['zuzhang'] });
  });

  it('never writes a marker into the audit log, any plaintext column, a file or the server log', async () => {
    const audit = await h.database.db.selectFrom('audit_entry').selectAll().execute();
    expect(audit.some((a) => a.action === 'public_report.read_content')).toBe(true);
    for (const marker of [TEXT_MARKER, CONTACT_MARKER]) {
      expect(JSON.stringify(audit)).not.toContain(marker);
      expect(await rowsContaining(marker)).toEqual([]);
    }
    expect(await rowsContaining('区教育局')).toContain('org_unit');
    expect(logLines.length).toBeGreaterThan(100);
    const logs = logLines.join('');
    for (const marker of [TEXT_MARKER, CONTACT_MARKER])
      for (const form of [marker, encodeURIComponent(marker), JSON.stringify(marker).slice(1, -1)])
        expect(logs).not.toContain(form);
  });
});

/** Tables of the current schema with a row whose text form contains `needle`. */
async function rowsContaining(needle: string): Promise<string[]> {
  const tables = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(h.database.db);
  const found: string[] = [];
  for (const { name } of tables.rows) {
    const hit = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM ${sql.table(name)} t WHERE t::text LIKE ${`%${needle}%`}`.execute(h.database.db);
    if ((hit.rows[0]?.n ?? 0) > 0) found.push(name);
  }
  return found;
}
