// Issue 8 §5: the authorization matrix, generated from the route table. Every /api route × one demo
// user per role (and anonymous) × {in-scope record, outsider record} gets the status its declaration
// and the role's permissions imply (authz/matrix.ts). A route whose path parameters have no resolver
// entry fails here; a route without a declaration fails at startup (app.test.ts). HEAD routes are
// Fastify's mirrors of the GET ones and are left out. State-changing calls carry a body the route
// refuses, so the run writes nothing — checked at the end against a digest of every table.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyringFor } from '../platform/crypto/keyring.ts';
import { seedDemoDistrict } from '../seed/demo-district.ts';
import { demoActors, queryIds, stateChangingBody } from './authz/actors.ts';
import { changedTables, databaseState } from './authz/db-digest.ts';
import { type Actor, type Expected, expected, isRead, matches } from './authz/matrix.ts';
import { type OpenApiDoc, operationOf, requiredQuery } from './authz/openapi.ts';
import { fillUrl, paramNames, resolveParams, resolverKey } from './authz/resolvers.ts';
import { createHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  // the whole demo district (督办单, 回访, 问责, reports, evaluations …): more record kinds in scope
  await seedDemoDistrict(h.database.db, h.clock, keyringFor(h.config), h.demo);
}, 180_000);
afterAll(() => h.close());

const OUTPUT = path.resolve(import.meta.dirname, '../../../test-output/authz-matrix.md');

interface Cell {
  route: string;
  actor: string;
  side: 'in' | 'out';
  expected: Expected;
  status: number;
}

describe('authorization matrix', () => {
  it('answers every route × role × scope as the declarations imply', async () => {
    const routes = h.app.routeTable.filter((r) => r.method !== 'HEAD');
    const { pairs, missing } = await resolveParams(
      h,
      routes.map((r) => r.url),
    );
    expect(missing, '路径参数没有解析条目').toEqual([]);
    const noDemoRecord = [...pairs].filter(([, p]) => p.in === null).map(([k]) => k);
    console.log(`authz matrix: kinds without a demo record (in-scope column expects 404): ${noDemoRecord.join(', ')}`);
    const actors: (Actor | null)[] = [null, ...(await demoActors(h))];
    const openapi = (await h.anonymous.get('/api/openapi.json')).json() as OpenApiDoc;
    const ids = queryIds(h, pairs.get('term-plans:id')?.in ?? null, pairs.get('cadres:id')?.in ?? null);
    const before = await databaseState(h.database.db);
    const cells: Cell[] = [];
    const leaks: string[] = [];
    const outsiderIds = Object.values(h.outsider);
    for (const route of routes) {
      const hasParams = paramNames(route.url).length > 0;
      // a route without parameters names no record: its out-of-scope column is its in-scope one
      const sides = hasParams ? (['in', 'out'] as const) : (['in'] as const);
      for (const side of sides) {
        const url = fillUrl(route.url, pairs, side) + requiredQuery(operationOf(openapi, route.method, route.url), ids);
        const inScopeExists = paramNames(route.url).every((p) => pairs.get(resolverKey(route.url, p))?.in);
        for (const actor of actors) {
          const client = actor ? await h.as(actor.username) : h.anonymous;
          const options: InjectOptions = isRead(route.method)
            ? { method: 'GET', url }
            : { method: route.method as InjectOptions['method'], url, ...stateChangingBody(openapi, route) };
          const res = await client.request(options);
          const want = expected(route, actor, side, hasParams, inScopeExists);
          // what a demo user reads must never carry the outsider committee's records
          const leaked =
            actor &&
            route.access !== 'public' &&
            res.statusCode < 300 &&
            outsiderIds.some((id) => res.body.includes(id));
          if (leaked) leaks.push(`${route.method} ${url} as ${actor.username}`);
          cells.push({
            route: `${route.method} ${route.url}`,
            actor: actor?.username ?? 'anonymous',
            side,
            expected: want,
            status: res.statusCode,
          });
        }
      }
    }
    const after = await databaseState(h.database.db);
    const failures = cells.filter((c) => !matches(c.expected, c.status));
    await writeReport(cells, failures, routes.length, actors.length);
    console.log(
      `authz matrix: ${routes.length} routes × ${actors.length} roles (incl. anonymous) × in/out scope = ${cells.length} requests, ${failures.length} mismatches`,
    );
    expect(
      failures.map((f) => `${f.route} as ${f.actor} (${f.side}): expected ${f.expected}, got ${f.status}`),
    ).toEqual([]);
    expect(leaks, "outsider records in a demo user's answer").toEqual([]);
    expect(changedTables(before, after), 'the matrix must write nothing').toEqual([]);
  }, 600_000);
});

async function writeReport(cells: Cell[], failures: Cell[], routeCount: number, actorCount: number) {
  const byExpected = new Map<string, number>();
  for (const c of cells) byExpected.set(c.expected, (byExpected.get(c.expected) ?? 0) + 1);
  const byStatus = new Map<number, number>();
  for (const c of cells) byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + 1);
  const lines = [
    '# Authorization matrix (generated by server/src/test/authz-matrix.test.ts)',
    '',
    `Routes: ${routeCount} (HEAD mirrors excluded) · actors: ${actorCount} (anonymous + one demo user per role) · requests: ${cells.length} · mismatches: ${failures.length}`,
    '',
    '| expected class | cells |',
    '| --- | --- |',
    ...[...byExpected].sort().map(([k, n]) => `| ${k.replace('|', ' or ')} | ${n} |`),
    '',
    '| status seen | cells |',
    '| --- | --- |',
    ...[...byStatus].sort((a, b) => a[0] - b[0]).map(([k, n]) => `| ${k} | ${n} |`),
    '',
    '## Per route (status per actor, in-scope / out-of-scope)',
    '',
  ];
  const actorsSeen = [...new Set(cells.map((c) => c.actor))];
  lines.push(`| route | ${actorsSeen.join(' | ')} |`, `| --- | ${actorsSeen.map(() => '---').join(' | ')} |`);
  for (const route of [...new Set(cells.map((c) => c.route))]) {
    const row = actorsSeen.map((a) =>
      cells
        .filter((c) => c.route === route && c.actor === a)
        .map((c) => String(c.status))
        .join('/'),
    );
    lines.push(`| ${route} | ${row.join(' | ')} |`);
  }
  await mkdir(path.dirname(OUTPUT), { recursive: true });
  await writeFile(OUTPUT, `${lines.join('\n')}\n`);
}
