// Need-to-know, proven from the outside: a clue carrying unique marker strings is registered, then every
// demo login (and an anonymous caller) calls every clue endpoint and every other list that could leak.
// The markers must reach only the team leader and the 巡察办主任 — plus a team member while granted, and
// 纪委监委 once the clue is handed over — and never an audit entry, a plaintext column or a log line.
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.ts';
import { withTransaction } from '../../platform/db.ts';
import { type App, buildApp } from '../../platform/http/app.ts';
import { DEMO_PASSWORD } from '../../seed/demo.ts';
import { createHarness, type Harness } from '../../test/harness.ts';
import { clueBody, clueUrl, xlsxCells } from './clue.test-support.ts';
import { moveClue } from './clue.transition.ts';

const tag = randomBytes(4).toString('hex');
/** In the content (subject, allegation, evidence) and, separately, in the whistleblower's identity. */
const MARKER = `密标${tag}`;
const WB_MARKER = `反映人${tag}`;
const USERNAMES = [
  'office',
  'banshi',
  'leader',
  'zuzhang',
  'zuyuan',
  'jiwei',
  'zuzhibu',
  'danwei',
  'lianluo',
  'zerenren',
  'sysadmin',
  'secadmin',
  'auditor',
  'outsider',
] as const;

let h: Harness;
let app: App;
const logLines: string[] = [];
const cookies = new Map<string, string>();
let clueId: string;

/** The real logger configuration (level info), writing to memory, over the harness's database and key. */
async function loggingApp(): Promise<App> {
  const config = loadConfig({
    dataDir: h.config.dataDir,
    filesDir: h.config.filesDir,
    seedDemo: false,
    logLevel: 'info',
  });
  const logStream = { write: (line: string) => logLines.push(line) };
  const built = await buildApp(
    { db: h.database.db, dbKind: h.database.kind, config, clock: h.clock },
    { logStream, webDist: null },
  );
  await built.ready();
  return built;
}

async function login(username: string): Promise<string> {
  const password = username === 'outsider' ? 'Outsider@2026' : DEMO_PASSWORD;
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode}`);
  return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

function call(username: string | null, method: 'GET' | 'POST', url: string, payload?: object) {
  const cookie = username ? cookies.get(username) : undefined;
  const headers = { ...(cookie ? { cookie } : {}), 'x-xuncha-csrf': '1' };
  return app.inject({ method, url, ...(payload ? { payload } : {}), headers });
}

async function text(res: LightMyRequestResponse): Promise<string> {
  const type = String(res.headers['content-type'] ?? '');
  if (res.statusCode === 200 && type.includes('spreadsheetml')) return (await xlsxCells(res)).flat().join('\n');
  return res.body;
}

/** Every response a user can get that might carry clue content. */
async function everythingSeenBy(username: string | null): Promise<string> {
  const inspection = h.demo.jiaoyuInspectionId;
  const q = encodeURIComponent(MARKER);
  const requests: [method: 'GET' | 'POST', url: string, payload?: object][] = [
    ['GET', clueUrl(inspection)],
    ['GET', `${clueUrl(inspection)}?q=${q}`],
    ['GET', '/api/clues'],
    ['GET', `/api/clues?q=${q}`],
    ['GET', `/api/clues/${clueId}`],
    ['GET', `/api/clues/${clueId}/history`],
    ['GET', `/api/clues/${clueId}/grants`],
    ['GET', `/api/clues/${clueId}/grant-candidates`],
    ['GET', `/api/inspections/${inspection}/clue-counts`],
    ['GET', '/api/clues/export'],
    ['POST', `/api/clues/${clueId}/whistleblower`, { reason: '核实反映内容需要' }],
    ['POST', `/api/clues/${clueId}/shelve`, { reason: '核实' }],
    ['GET', `/api/findings?q=${q}`],
    ['GET', `/api/tasks?q=${q}`],
    ['GET', `/api/inspections/${inspection}`],
    ['GET', `/api/inspections/${inspection}/fieldwork`],
    ['GET', '/api/handovers'],
    ['GET', `/api/results-ledger?q=${q}`],
  ];
  const bodies: string[] = [];
  for (const [method, url, payload] of requests) bodies.push(await text(await call(username, method, url, payload)));
  return bodies.join('\n');
}

/** Who, among all logins and an anonymous caller, receives each marker anywhere. */
async function whoSees() {
  const content: string[] = [];
  const identity: string[] = [];
  for (const username of [...USERNAMES, null]) {
    const seen = await everythingSeenBy(username);
    if (seen.includes(MARKER)) content.push(username ?? 'anonymous');
    if (seen.includes(WB_MARKER)) identity.push(username ?? 'anonymous');
  }
  return { content: content.sort(), identity: identity.sort() };
}

beforeAll(async () => {
  h = await createHarness();
  app = await loggingApp();
  for (const username of USERNAMES) cookies.set(username, await login(username));
  const res = await call('zuzhang', 'POST', clueUrl(h.demo.jiaoyuInspectionId), {
    ...clueBody(),
    subjectName: `张${MARKER}`,
    allegation: `反映其收受${MARKER}的好处费`,
    evidence: `证据${MARKER}`,
    whistleblower: { name: WB_MARKER, contact: `电话${WB_MARKER}`, note: `备注${WB_MARKER}` },
  });
  expect(res.statusCode, res.body).toBe(200);
  clueId = res.json().id;
});
afterAll(async () => {
  await app.close();
  await h.close();
});

describe('clue confidentiality', () => {
  it('by default: content only to the team leader and the 巡察办主任, the identity only to the team leader', async () => {
    expect(await whoSees()).toEqual({ content: ['office', 'zuzhang'], identity: ['zuzhang'] });
  });

  it('a granted team member reads the content while the grant lasts, not after its revocation', async () => {
    const granted = await call('office', 'POST', `/api/clues/${clueId}/grants`, {
      userId: h.demo.users.zuyuan,
      reason: '协助核实',
    });
    expect(granted.statusCode).toBe(200);
    expect(await whoSees()).toEqual({ content: ['office', 'zuyuan', 'zuzhang'], identity: ['zuzhang'] });
    const grantId = granted.json().items[0].id;
    expect((await call('office', 'POST', `/api/clues/${clueId}/grants/${grantId}/revoke`)).statusCode).toBe(200);
    expect(await whoSees()).toEqual({ content: ['office', 'zuzhang'], identity: ['zuzhang'] });
  });

  it('纪委监委 reads it once handed over (and still not the whistleblower)', async () => {
    // the clue was shelved by the matrix above (zuzhang may); reopen, then hand over as the handover module does
    await withTransaction(h.database.db, async (tx) => {
      const actorId = h.demo.users.zuzhang as string;
      await moveClue(tx, { clueId, event: 'reopen', actorId });
      await moveClue(tx, { clueId, event: 'hand_over', actorId });
      await tx
        .insertInto('handover')
        .values({
          committee_id: h.demo.committeeId,
          inspection_id: h.demo.jiaoyuInspectionId,
          unit_id: h.demo.units.jiaoyu as string,
          year: 2026,
          seq: 901,
          kind: 'clue',
          clue_id: clueId,
          recipient: 'discipline',
          recipient_name: '区纪委监委',
          sent_on: h.today,
          due_date: '2026-09-15',
          sent_by: h.demo.users.office as string,
        })
        .execute();
    });
    expect(await whoSees()).toEqual({ content: ['jiwei', 'office', 'zuzhang'], identity: ['zuzhang'] });
  });

  it('never writes a marker into the audit log, any plaintext column or the server log', async () => {
    const audit = await h.database.db.selectFrom('audit_entry').selectAll().execute();
    expect(audit.length).toBeGreaterThan(0);
    for (const marker of [MARKER, WB_MARKER]) expect(JSON.stringify(audit)).not.toContain(marker);
    const stored = await h.database.db
      .selectFrom('clue')
      .select(['content_sealed', 'whistleblower_sealed'])
      .where('id', '=', clueId)
      .executeTakeFirstOrThrow();
    expect(stored.content_sealed).toMatch(/^sm4:/);
    // no row of any table holds a marker as text
    expect(await rowsContaining(MARKER)).toEqual([]);
    expect(await rowsContaining(WB_MARKER)).toEqual([]);
    // the search itself works: plaintext names are found
    expect(await rowsContaining('区住房和城乡建设局')).toContain('org_unit');
    const logs = logLines.join('');
    expect(logLines.length).toBeGreaterThan(100);
    for (const marker of [MARKER, WB_MARKER])
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
