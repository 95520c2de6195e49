// Past and future rounds with inspections of the core demo's units, for the coverage and enquiry tests.
// Written straight to the database: the tests are about what planning derives from them.
import type { Harness } from './harness.ts';

export interface FixtureInspection {
  unit: string;
  type?: string;
  phase: string;
}

/** A round of the demo committee with one inspection per listed unit, all starting on the round's first day. */
export async function addRound(
  h: Harness,
  round: { name: string; year: number; seq: number; startDate: string; endDate: string },
  inspections: FixtureInspection[],
): Promise<Record<string, string>> {
  const db = h.database.db;
  const created = await db
    .insertInto('round')
    .values({
      committee_id: h.demo.committeeId,
      name: round.name,
      year: round.year,
      seq: round.seq,
      start_date: round.startDate,
      end_date: round.endDate,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids: Record<string, string> = {};
  for (const inspection of inspections) {
    const row = await db
      .insertInto('inspection')
      .values({
        committee_id: h.demo.committeeId,
        round_id: created.id,
        unit_id: h.demo.units[inspection.unit] as string,
        type: inspection.type ?? 'regular',
        phase: inspection.phase,
        team_name: '区委第二巡察组',
        start_date: round.startDate,
        end_date: round.endDate,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[inspection.unit] = row.id;
  }
  return ids;
}

/** Row count of one of the planning tables (the "nothing was written" check). */
export async function countPlanning(h: Harness, table: 'term_plan' | 'term_plan_unit' | 'announcement' | 'enquiry') {
  const row = await h.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
