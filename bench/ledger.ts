// The ledger requests the benchmark sends, and the exact SQL the app runs for each of them.
// The SQL is not written by hand: the repository's own listTasks runs once per request variant
// through a Kysely plugin that records the compiled queries (text + parameters) for the user's real
// grants, so the baseline server runs byte-for-byte the same statements as the authenticated app.
import { type TaskListQuery as TaskFilter, TaskListQuery } from '@xuncha/contracts';
import type { CompiledQuery, KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import type { SessionUser } from '../server/src/access/session-user.ts';
import { listTasks } from '../server/src/modules/task/task.repository.ts';
import { loadGrants } from '../server/src/platform/auth/session.repository.ts';
import type { Db } from '../server/src/platform/db.ts';
import { liaisonUsername, officeUsername } from './generate.ts';
import type { BenchParams } from './params.ts';

export interface LedgerQueries {
  items: CompiledQuery;
  total: CompiledQuery;
}

export interface Variant {
  username: string;
  /** path + query string of the app request */
  path: string;
  queries: LedgerQueries;
  /** what the repository returned when the queries were captured: the correctness reference */
  expected: { ids: string[]; total: number };
}

export interface Scenario {
  name: string;
  variants: Variant[];
}

class CapturePlugin implements KyselyPlugin {
  /** the statements that were executed (subqueries are transformed too, but never executed alone) */
  readonly captured: CompiledQuery[] = [];
  readonly db: Db;
  readonly #compiled = new Map<unknown, CompiledQuery>();
  constructor(db: Db) {
    this.db = db;
  }
  transformQuery(args: PluginTransformQueryArgs) {
    // compiled by the unplugged executor: the same dialect compiler the app's queries go through
    this.#compiled.set(args.queryId, this.db.getExecutor().compileQuery(args.node, args.queryId));
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs) {
    const executed = this.#compiled.get(args.queryId);
    if (executed) this.captured.push(executed);
    return args.result;
  }
}

async function sessionUserOf(db: Db, username: string): Promise<SessionUser> {
  const row = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name', 'committee_id', 'unit_id'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    committeeId: row.committee_id,
    unitId: row.unit_id,
    grants: await loadGrants(db, row.id),
  };
}

async function captureVariant(db: Db, user: SessionUser, query: Record<string, string>, today: string) {
  const filter: TaskFilter = TaskListQuery.parse(query);
  const plugin = new CapturePlugin(db);
  const result = await listTasks(db.withPlugin(plugin), user, filter, today);
  const items = plugin.captured.find((q) => / limit \$\d+/.test(q.sql));
  const total = plugin.captured.find((q) => q !== items);
  if (!items || !total || plugin.captured.length !== 2)
    throw new Error(`expected listTasks to run 2 queries, captured ${plugin.captured.length}`);
  return {
    username: user.username,
    path: `/api/tasks?${new URLSearchParams(query)}`,
    queries: { items, total },
    expected: { ids: result.items.map((i) => i.id), total: result.total },
  };
}

/** Units spread evenly over the whole tree, so consecutive requests touch different index pages. */
function spreadUnits(p: BenchParams, units: number): number[] {
  const count = Math.min(p.liaisons, units);
  return Array.from({ length: count }, (_, i) => 1 + Math.floor((i * units) / count));
}

export async function buildScenarios(db: Db, p: BenchParams, units: number, today: string) {
  const liaisons = await Promise.all(spreadUnits(p, units).map((u) => sessionUserOf(db, liaisonUsername(u))));
  const office = await sessionUserOf(db, officeUsername);
  const pages = Array.from({ length: p.pages }, (_, i) => String(i + 1));
  const capture = (user: SessionUser, query: Record<string, string>) => captureVariant(db, user, query, today);
  const scenarios: Scenario[] = [];
  const add = async (name: string, variants: Promise<Variant>[]) => {
    scenarios.push({ name, variants: await Promise.all(variants) });
  };
  await add(
    'ledger.unit_in_progress',
    liaisons.map((u) => capture(u, { unitId: u.unitId ?? '', status: 'in_progress', pageSize: '20' })),
  );
  await add(
    'ledger.office_overdue',
    pages.map((page) => capture(office, { overdue: 'true', pageSize: '20', page })),
  );
  await add(
    'ledger.office_submitted',
    pages.map((page) => capture(office, { status: 'submitted', pageSize: '20', page })),
  );
  const throughput: Scenario = {
    name: 'tasks.liaison_default',
    variants: await Promise.all(liaisons.map((u) => capture(u, { pageSize: '20' }))),
  };
  for (const s of [...scenarios, throughput]) {
    if (s.variants.every((v) => v.expected.ids.length === 0)) throw new Error(`scenario ${s.name} returns no rows`);
  }
  return { ledger: scenarios, throughput, usernames: [office.username, ...liaisons.map((u) => u.username)] };
}

/** Runs the captured pair the way listTasks does (both at once) and returns the page. */
export async function runLedgerQueries(db: Db, queries: LedgerQueries) {
  const [items, total] = await Promise.all([db.executeQuery(queries.items), db.executeQuery(queries.total)]);
  const n = (total.rows[0] as { n?: number } | undefined)?.n ?? 0;
  return { items: items.rows, total: Number(n) };
}
