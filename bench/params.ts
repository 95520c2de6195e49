// Benchmark parameters: CLI flags (`--units-per-committee=500`) win over env vars
// (`BENCH_UNITS_PER_COMMITTEE=500`), which win over the defaults of the chosen engine.
// The list and meaning of every parameter is documented at the top of bench/run.ts.
import type { DatabaseKind } from '../server/src/platform/db.ts';

export interface BenchParams {
  seed: number;
  committees: number;
  unitsPerCommittee: number;
  findingsPerUnit: number;
  /** May be fractional: tasks = round(findings × tasksPerFinding), spread evenly over findings. */
  tasksPerFinding: number;
  ownersPerUnit: number;
  batchRows: number;
  /** Distinct unit liaisons logged in, so unit-ledger requests hit different units. */
  liaisons: number;
  pages: number;
  warmup: number;
  requests: number;
  concurrency: number;
  throughputRequests: number;
}

// Province scale on PostgreSQL (ARCHITECTURE.md "Performance budgets"): 25,000 units, 300,000
// findings, ≈1,000,000 tasks. PGlite runs in WASM on one connection, so a tenth of that keeps the
// embedded run to a couple of minutes.
const DEFAULTS: Record<DatabaseKind, BenchParams> = {
  postgres: {
    seed: 1,
    committees: 10,
    unitsPerCommittee: 2500,
    findingsPerUnit: 12,
    tasksPerFinding: 3.334,
    ownersPerUnit: 2,
    batchRows: 100_000,
    liaisons: 50,
    pages: 10,
    warmup: 30,
    requests: 200,
    concurrency: 8,
    throughputRequests: 2000,
  },
  pglite: {
    seed: 1,
    committees: 4,
    unitsPerCommittee: 500,
    findingsPerUnit: 25,
    tasksPerFinding: 4,
    ownersPerUnit: 2,
    batchRows: 50_000,
    liaisons: 50,
    pages: 10,
    warmup: 30,
    requests: 200,
    concurrency: 8,
    throughputRequests: 2000,
  },
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const envName = (name: string) => `BENCH_${kebab(name).replaceAll('-', '_').toUpperCase()}`;

function flagValue(argv: readonly string[], name: string): string | undefined {
  const prefix = `--${kebab(name)}=`;
  return argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

export function loadParams(kind: DatabaseKind, argv: readonly string[] = process.argv.slice(2)): BenchParams {
  const known = new Set(Object.keys(DEFAULTS[kind]).map((k) => `--${kebab(k)}`));
  const unknown = argv.filter((a) => !known.has(a.split('=')[0] ?? ''));
  if (unknown.length) throw new Error(`unknown bench flag(s): ${unknown.join(' ')} (see bench/run.ts)`);
  const params = { ...DEFAULTS[kind] };
  for (const key of Object.keys(params) as (keyof BenchParams)[]) {
    const raw = flagValue(argv, key) ?? process.env[envName(key)];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    const valid = key === 'tasksPerFinding' ? value > 0 : Number.isInteger(value) && value > 0;
    if (!valid) throw new Error(`bench parameter ${key} must be a positive number, got "${raw}"`);
    params[key] = value;
  }
  return params;
}

export function plannedRows(p: BenchParams) {
  const units = p.committees * p.unitsPerCommittee;
  const findings = units * p.findingsPerUnit;
  return { units, findings, tasks: Math.round(findings * p.tasksPerFinding) };
}
