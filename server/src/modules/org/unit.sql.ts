// "Last inspected" as users see it, one rule for every area that needs it (unit lists, coverage):
// the later of the manual value (inspected before the system existed) and the latest start of an
// inspection of the unit that reached 进驻. An inspection still in 准备 has not inspected anything yet.
import { INSPECTION_PHASES } from '@xuncha/contracts';
import { type RawBuilder, sql } from 'kysely';

export const INSPECTED_PHASES = INSPECTION_PHASES.slice(INSPECTION_PHASES.indexOf('stationed'));

/** SQL `date` expression; `unitAlias` is the alias of org_unit in the surrounding query. */
export function lastInspectedOnSql(unitAlias: string): RawBuilder<string | null> {
  return sql<string | null>`greatest(${sql.ref(`${unitAlias}.last_inspected_on`)}, (
    SELECT max(i.start_date) FROM inspection i
    WHERE i.unit_id = ${sql.ref(`${unitAlias}.id`)} AND i.phase IN (${sql.join([...INSPECTED_PHASES])})
  ))`;
}
