// EXPLAIN (ANALYZE, BUFFERS) of each scenario's captured ledger queries: the plan says whether the
// page comes from an index walk or a scan-and-sort, which latency numbers alone cannot tell.
import { CompiledQuery } from 'kysely';
import type { Db } from '../server/src/platform/db.ts';
import type { Scenario } from './ledger.ts';

export interface PlanSummary {
  query: string;
  wall_ms: number;
  execution_ms: number | null;
  top: string;
  /** the plan nodes that read `task`: index name or Seq Scan */
  task_access: string[];
  plan: string[];
}

async function explainOne(db: Db, label: string, query: CompiledQuery): Promise<PlanSummary> {
  const started = performance.now();
  const result = await db.executeQuery<Record<string, string>>(
    CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, [...query.parameters]),
  );
  const wall = performance.now() - started;
  const plan = result.rows.map((row) => Object.values(row)[0] ?? '');
  const execution = plan.find((line) => line.startsWith('Execution Time'))?.match(/([\d.]+) ms/)?.[1];
  return {
    query: label,
    wall_ms: Math.round(wall * 100) / 100,
    execution_ms: execution ? Number(execution) : null,
    top: (plan[0] ?? '').trim(),
    task_access: plan.filter((line) => / on task t\b/.test(line)).map((line) => line.trim().replace(/^->\s*/, '')),
    plan,
  };
}

/** Plans of the first variant of every scenario (items page and total count). */
export async function explainScenarios(db: Db, scenarios: Scenario[]): Promise<PlanSummary[]> {
  const plans: PlanSummary[] = [];
  for (const s of scenarios) {
    const first = s.variants[0];
    if (!first) continue;
    plans.push(await explainOne(db, `${s.name}.items`, first.queries.items));
    plans.push(await explainOne(db, `${s.name}.total`, first.queries.total));
  }
  return plans;
}

export function planNote(plan: PlanSummary): string {
  const access = plan.task_access.length ? plan.task_access.join(' | ') : '(task not read directly)';
  return `EXPLAIN ${plan.query}: ${plan.execution_ms ?? '?'} ms execution (${plan.wall_ms} ms wall); top: ${plan.top}; task: ${access}`;
}
