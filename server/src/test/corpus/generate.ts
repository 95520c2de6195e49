// Generates corpus.json, the bad-input corpus (issue 8 §8), from the app's own route table and OpenAPI
// document: wrong types per body field, hostile strings, bad ids, bad query values, wrong content
// types, oversized bodies and uploads, plus a short hand-written list of stale transitions and
// duplicates. Run: `node server/src/test/corpus/generate.ts` (rewrites corpus.json beside this file).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import { openPglite } from '../../platform/db.ts';
import { buildApp, type RouteDeclaration } from '../../platform/http/app.ts';
import { migrate } from '../../platform/migrate.ts';
import { type JsonSchema, jsonBodySchema, type OpenApiDoc, operationOf, sampleValue } from '../authz/openapi.ts';
import { paramNames } from '../authz/resolvers.ts';
import {
  BAD_IDS,
  BAD_NUMBERS,
  BAD_UPLOADS,
  HTML_INJECTION,
  HUGE,
  type Repeat,
  SQL_INJECTION,
  UNICODE,
} from './hostile.ts';

export interface CorpusEntry {
  id: string;
  /** the route-table entry: the runner calls as a user its declaration admits */
  route: string;
  /** which record fills the path parameters: the demo's (in) or the outsider's (out) */
  scope: 'in' | 'out';
  /** path parameters to replace: a literal value, or "$demo:tasks.closed" for a demo id */
  params?: Record<string, string>;
  query?: string;
  /** JSON body; strings "$in:<field>" / "$out:<field>" become ids, {"$repeat"} long strings */
  body?: unknown;
  raw?: { contentType: string; payload: string | Repeat };
  upload?: { filename: string; content: string; oversize?: true };
  /** exact statuses required (stale state 409, oversize 413, media type 415, a search answered 200); otherwise any 4xx */
  expect?: number[];
}

const SKIPPED = /^\/api\/(openapi\.json|health|auth\/login)/;

/** A body that satisfies the schema's shape with the outsider's ids, so only the hostile part decides. */
function sampleBody(schema: JsonSchema): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const value = sampleValue(prop, name, {});
    body[name] = value === '' ? `$out:${name}` : value;
  }
  return body;
}

function wrongTypeOf(prop: JsonSchema): unknown {
  const type = [prop.type].flat()[0];
  if (type === 'string') return 12345;
  if (type === 'integer' || type === 'number') return 'abc';
  if (type === 'boolean') return 'yes';
  if (type === 'array') return { not: 'an array' };
  return ['an', 'array'];
}

/** A parameter whose schema refuses arbitrary text: an enum, a uuid, a patterned date. */
const isStrictString = (p: JsonSchema) =>
  p.enum !== undefined || p.format === 'uuid' || p.pattern?.includes('\\d') === true;

export function generateCorpus(doc: OpenApiDoc, routes: RouteDeclaration[]): CorpusEntry[] {
  const entries: CorpusEntry[] = [];
  const add = (e: Omit<CorpusEntry, 'id'>, tag: string) => entries.push({ id: `${e.route} #${tag}`, ...e });
  for (const r of routes) {
    if (r.method === 'HEAD' || SKIPPED.test(r.url)) continue;
    const route = `${r.method} ${r.url}`;
    const op = operationOf(doc, r.method, r.url);
    const schema = jsonBodySchema(op);
    const params = paramNames(r.url);
    const body = schema ? sampleBody(schema) : undefined;
    const first = params[0];
    // a body the schema might accept goes to the outsider's record, so that even then nothing is written
    const scope = first ? ('out' as const) : ('in' as const);
    // bad ids in the path: every route that names a record
    if (first)
      for (const [tag, value] of Object.entries(BAD_IDS))
        if (r.method === 'GET' || tag !== 'negative')
          add({ route, scope: 'in', params: { [first]: value }, body }, `id:${tag}`);
    if (r.method === 'GET') {
      const query = (op?.parameters ?? []).filter((q) => q.in === 'query' && q.schema);
      for (const p of query.filter((q) => isStrictString(q.schema ?? {})).slice(0, 4))
        for (const [tag, value] of Object.entries({ ...SQL_INJECTION, nul: UNICODE.nul ?? '' }).slice(0, 3))
          add({ route, scope: 'in', query: `?${new URLSearchParams({ [p.name]: value })}` }, `query:${p.name}:${tag}`);
      for (const p of query.filter((q) => q.schema?.type === 'integer' && (q.schema.minimum ?? -1) >= 0).slice(0, 3))
        add({ route, scope: 'in', query: `?${p.name}=-1` }, `query:${p.name}:negative`);
      // a search box takes any text: injection there must be answered as a plain search (200), and NUL refused
      // (list routes of their own: no record to resolve, no required filter to supply)
      const plainList = !first && !query.some((q) => q.required);
      const search = plainList
        ? query.find((q) => q.schema?.type === 'string' && !isStrictString(q.schema) && !/Ids?$/.test(q.name))
        : undefined;
      if (search) {
        for (const [tag, value] of Object.entries({ ...SQL_INJECTION, ...HTML_INJECTION }))
          add(
            { route, scope: 'in', query: `?${new URLSearchParams({ [search.name]: value })}`, expect: [200] },
            `search:${search.name}:${tag}`,
          );
        add(
          { route, scope: 'in', query: `?${new URLSearchParams({ [search.name]: UNICODE.nul ?? '' })}`, expect: [400] },
          `search:${search.name}:nul`,
        );
      }
      continue;
    }
    if (!schema) {
      if (/\/(evidence|attachments|import|reports)$/.test(r.url) && first) {
        for (const u of BAD_UPLOADS)
          add({ route, scope: 'in', upload: { filename: u.filename, content: u.content } }, `upload:${u.name}`);
        // 413 when the record takes uploads; a record in another state may refuse first (409/403)
        add(
          { route, scope: 'in', upload: { filename: 'big.pdf', content: '%PDF-1.4\n', oversize: true } },
          'upload:oversize',
        );
      }
      add(
        { route, scope: 'in', raw: { contentType: 'application/xml', payload: '<x/>' }, expect: [415] },
        'content-type:xml',
      );
      continue;
    }
    const props = Object.entries(schema.properties ?? {});
    for (const [name, prop] of props.slice(0, 8))
      add({ route, scope, body: { ...body, [name]: wrongTypeOf(prop) } }, `wrong-type:${name}`);
    for (const [tag, shape] of Object.entries({ array: [body], string: 'body', boolean: true, number: 42 }))
      add({ route, scope, body: shape }, `shape:${tag}`);
    add(
      { route, scope, raw: { contentType: 'application/x-www-form-urlencoded', payload: 'a=1&b=2' }, expect: [415] },
      'content-type:form',
    );
    add({ route, scope, raw: { contentType: 'application/json', payload: HUGE['1MB'] }, expect: [413] }, 'huge:1MB');
    for (const [name] of props
      .filter(([, p]) => p.type === 'string' && p.maxLength !== undefined && p.maxLength < 100_000)
      .slice(0, 2))
      add({ route, scope, body: { ...body, [name]: HUGE['100k-chars'] } }, `huge:100k:${name}`);
    for (const [name, prop] of props.filter(([, p]) => isStrictString(p) && p.enum !== undefined).slice(0, 1))
      add(
        { route, scope, body: { ...body, [name]: SQL_INJECTION['or-true'] } },
        `enum-sql:${name}:${prop.enum?.length}`,
      );
    for (const [name, prop] of props.filter(([, p]) => ['integer', 'number'].includes(String(p.type))).slice(0, 2))
      for (const [tag, value] of Object.entries(BAD_NUMBERS))
        add({ route, scope, body: { ...body, [name]: value } }, `number:${name}:${tag}:${prop.type}`);
    // free text is legal input: hostile text goes to the outsider's record, where the call must end in 4xx
    const text = props.find(([, p]) => p.type === 'string' && p.format === undefined && p.enum === undefined)?.[0];
    if (text && first)
      for (const [tag, value] of Object.entries({ ...UNICODE, ...SQL_INJECTION, ...HTML_INJECTION }))
        add({ route, scope: 'out', body: { ...body, [text]: value } }, `text:${text}:${tag}`);
  }
  return [...entries, ...STALE_AND_DUPLICATE];
}

/** Stale transitions on demo records already past the step, and a create that duplicates a demo record. */
const STALE_AND_DUPLICATE: CorpusEntry[] = [
  ...['start', 'submit', 'verify', 'return'].map((step) => ({
    id: `stale: task closed → ${step}`,
    route: `POST /api/tasks/:id/${step}`,
    scope: 'in' as const,
    params: { id: '$demo:tasks.closed' },
    body: { comment: '重复操作', reason: '重复操作', note: '重复操作' },
    expect: [400, 409],
  })),
  ...[1, 2].map((n) => ({
    id: `duplicate: round 3 of this year, submission ${n}`,
    route: 'POST /api/rounds',
    scope: 'in' as const,
    body: {
      committeeId: '$demo:committeeId',
      name: '重复提交的轮次',
      year: 2026,
      seq: 3,
      startDate: '2026-01-10',
      endDate: '2026-03-10',
    },
    expect: [409],
  })),
];

async function main() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'xuncha-corpus-'));
  const database = await openPglite(undefined);
  await migrate(database);
  const config = loadConfig({ dataDir, filesDir: path.join(dataDir, 'files'), seedDemo: false, logLevel: 'silent' });
  const app = await buildApp(
    { db: database.db, dbKind: database.kind, config, clock: fixedClock(new Date()) },
    { logger: false, webDist: null },
  );
  await app.ready();
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApiDoc;
  const corpus = generateCorpus(doc, app.routeTable);
  const file = path.join(import.meta.dirname, 'corpus.json');
  // one entry per line: a regenerated corpus diffs by entry (the file is too large for biome, which skips it)
  await writeFile(file, `[\n${corpus.map((entry) => JSON.stringify(entry)).join(',\n')}\n]\n`);
  console.log(`corpus.json: ${corpus.length} entries`);
  await app.close();
  await database.close();
  await rm(dataDir, { recursive: true, force: true });
}

if (import.meta.main) await main();
