// Issue 8 §8: the bad-input corpus (corpus/corpus.json, made by corpus/generate.ts). Each entry is sent
// as a user the route's declaration admits; every answer must be a 4xx with a Chinese message (never a
// 5xx), and afterwards every table must be as it was — only the audit/session/login tables may grow.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoActors } from './authz/actors.ts';
import { changedTables, databaseState, GROWING_TABLES } from './authz/db-digest.ts';
import { ABSENT, fillUrl, resolveParams } from './authz/resolvers.ts';
import type { CorpusEntry } from './corpus/generate.ts';
import { createHarness, type Harness } from './harness.ts';
import { multipart } from './multipart.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
}, 120_000);
afterAll(() => h.close());

const CHINESE = /[\u4e00-\u9fa5]/;

/** Expands {"$repeat": [unit, n]} and the "$in:/$out:/$demo:" id placeholders. */
function materialise(value: unknown, ids: (token: string) => string): unknown {
  if (typeof value === 'string') return value.startsWith('$') ? ids(value) : value;
  if (Array.isArray(value)) return value.map((v) => materialise(v, ids));
  if (value && typeof value === 'object') {
    const rep = (value as { $repeat?: [string, number] }).$repeat;
    if (rep) return rep[0].repeat(rep[1]);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, materialise(v, ids)]));
  }
  return value;
}

function idLookup(h: Harness) {
  const out: Record<string, string> = {
    committeeId: h.outsider.committeeId,
    unitId: h.outsider.unitId,
    roundId: h.outsider.roundId,
    inspectionId: h.outsider.inspectionId,
    findingId: h.outsider.findingId,
    taskId: h.outsider.taskId,
    userId: h.outsider.ownerId,
    ownerUserId: h.outsider.ownerId,
  };
  return (token: string): string => {
    const [kind, name = ''] = token.split(':');
    if (kind === '$out') return out[name] ?? ABSENT;
    if (kind === '$demo')
      return String(name.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], h.demo));
    return token;
  };
}

describe('bad-input corpus', () => {
  it('answers every hostile request with a 4xx in Chinese and writes nothing', async () => {
    const corpus = JSON.parse(
      await readFile(path.join(import.meta.dirname, 'corpus/corpus.json'), 'utf8'),
    ) as CorpusEntry[];
    expect(corpus.length).toBeGreaterThanOrEqual(500);
    const routes = new Map(h.app.routeTable.map((r) => [`${r.method} ${r.url}`, r]));
    const { pairs } = await resolveParams(h, [...new Set(corpus.map((e) => e.route.split(' ')[1] as string))]);
    const actors = (await demoActors(h)).sort((a, b) => Number(b.committeeWide) - Number(a.committeeWide));
    const ids = idLookup(h);
    const outsiderIds = Object.values(h.outsider);
    const before = await databaseState(h.database.db);
    const lastAudit = await newestAuditId(h);
    const byStatus = new Map<number, number>();
    const failures: string[] = [];
    for (const entry of corpus) {
      const route = routes.get(entry.route);
      if (!route) {
        failures.push(`${entry.id}: 路由不存在（请重新运行 corpus/generate.ts）`);
        continue;
      }
      const actor =
        route.access === 'public'
          ? null
          : route.access === 'authenticated'
            ? 'office'
            : actors.find((a) => a.permissions.has(route.access as never))?.username;
      if (actor === undefined) {
        failures.push(`${entry.id}: 没有演示用户持有 ${route.access}`);
        continue;
      }
      let url = fillUrl(route.url, pairs, entry.scope);
      for (const [param, value] of Object.entries(entry.params ?? {})) {
        const filled = fillUrl(route.url, pairs, entry.scope).split('/');
        const at = route.url.split('/').indexOf(`:${param}`);
        filled[at] = value.startsWith('$') ? ids(value) : value;
        url = filled.join('/');
      }
      url += entry.query ?? '';
      const client = actor ? await h.as(actor) : h.anonymous;
      const res = await client.request({
        method: route.method as InjectOptions['method'],
        url,
        ...payloadOf(entry, ids),
      });
      byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
      const message = res.headers['content-type']?.includes('json')
        ? (res.json() as { message?: string }).message
        : undefined;
      // a search answered as a search (expect [200]) is the one kind of entry that is not refused
      const answered = entry.expect?.includes(200) && res.statusCode === 200;
      const bad = answered
        ? outsiderIds.some((id) => res.body.includes(id))
        : res.statusCode >= 500 ||
          res.statusCode < 400 ||
          (entry.expect && !entry.expect.includes(res.statusCode)) ||
          !CHINESE.test(message ?? '');
      if (bad) failures.push(`${entry.id} → ${res.statusCode} ${res.body.slice(0, 160)}`);
    }
    const after = await databaseState(h.database.db);
    const grown = [...GROWING_TABLES].map((t) => `${t} +${(after[t]?.rows ?? 0) - (before[t]?.rows ?? 0)}`);
    console.log(
      `bad-input corpus: ${corpus.length} requests; by status ${JSON.stringify(Object.fromEntries([...byStatus].sort()))}; ${failures.length} failures; growing tables: ${grown.join(', ')}`,
    );
    const audited = await h.database.db
      .selectFrom('audit_entry')
      .select(['action', 'entity'])
      .where('id', '>', lastAudit)
      .execute();
    console.log(`audit entries added: ${JSON.stringify(countBy(audited.map((a) => `${a.entity}.${a.action}`)))}`);
    expect(failures).toEqual([]);
    // refusals are not audited; the only entries come from searches answered on export routes
    expect(audited.filter((a) => !a.action.endsWith('.export'))).toEqual([]);
    expect(changedTables(before, after), 'the corpus must write nothing').toEqual([]);
  }, 600_000);
});

async function newestAuditId(h: Harness): Promise<number> {
  const row = await h.database.db
    .selectFrom('audit_entry')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

function countBy(keys: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const k of keys) counts[k] = (counts[k] ?? 0) + 1;
  return counts;
}

function payloadOf(entry: CorpusEntry, ids: (token: string) => string): Partial<InjectOptions> {
  if (entry.upload) {
    const size = entry.upload.oversize ? h.config.uploadMaxBytes + 1024 : 0;
    const content = Buffer.concat([Buffer.from(entry.upload.content, 'latin1'), Buffer.alloc(size, 0x41)]);
    const form = multipart({}, { filename: entry.upload.filename, content, contentType: 'application/pdf' });
    return { payload: form.payload, headers: form.headers };
  }
  if (entry.raw) {
    const payload = materialise(entry.raw.payload, ids) as string;
    return { payload, headers: { 'content-type': entry.raw.contentType } };
  }
  if (entry.body === undefined) return {};
  return { payload: JSON.stringify(materialise(entry.body, ids)), headers: { 'content-type': 'application/json' } };
}
