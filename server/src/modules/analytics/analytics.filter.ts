// The filter of every analytics figure (AnalyticsFilter), checked once and turned into SQL conditions.
// A committee, term plan, round or area the user cannot read analytics in is 404, as if it did not exist.
// Figures are committee-level: the grant must cover the committee as a whole (a unit or inspection grant
// does not make a dashboard).
import type { AnalyticsFilter, Permission } from '@xuncha/contracts';
import { type RawBuilder, sql } from 'kysely';
import { can, committeeRecord } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';

export interface ResolvedFilter {
  committeeId: string;
  /** the term plan's period: inspections whose start date falls within it */
  term: { from: string; to: string } | null;
  roundId: string | null;
  unitKind: string | null;
  /** the area unit's materialised path: its subtree is `path LIKE areaPath || '%'` */
  areaPath: string | null;
}

/** The committees (ids) in which the user holds `permission` for the committee as a whole, first = default. */
export function committeesWith(user: SessionUser, permission: Permission): string[] {
  const ids = user.grants
    .filter((g) => g.scopeKind === 'committee' && g.permissions.has(permission))
    .map((g) => g.scopeId as string);
  return [...new Set(ids)];
}

/** Check the filter against the user's grants and the database; 404 for anything out of reach. */
export async function resolveFilter(
  db: Db,
  user: SessionUser,
  filter: AnalyticsFilter,
  permission: Permission = 'analytics.read',
): Promise<ResolvedFilter> {
  const committeeId = filter.committeeId ?? committeesWith(user, permission)[0];
  if (!committeeId || !can(user, permission, committeeRecord(committeeId))) throw notFound('党委不存在');
  const [term, round, area] = await Promise.all([
    filter.termPlanId
      ? db
          .selectFrom('term_plan')
          .select(['start_date as from', 'end_date as to'])
          .where('id', '=', filter.termPlanId)
          .where('committee_id', '=', committeeId)
          .executeTakeFirst()
      : null,
    filter.roundId
      ? db
          .selectFrom('round')
          .select('id')
          .where('id', '=', filter.roundId)
          .where('committee_id', '=', committeeId)
          .executeTakeFirst()
      : null,
    filter.areaUnitId
      ? db
          .selectFrom('org_unit')
          .select('path')
          .where('id', '=', filter.areaUnitId)
          .where('committee_id', '=', committeeId)
          .executeTakeFirst()
      : null,
  ]);
  if (filter.termPlanId && !term) throw notFound('届内规划不存在');
  if (filter.roundId && !round) throw notFound('巡察轮次不存在');
  if (filter.areaUnitId && !area) throw notFound('区域单位不存在');
  return {
    committeeId,
    term: term ? { from: String(term.from), to: String(term.to) } : null,
    roundId: filter.roundId ?? null,
    unitKind: filter.unitKind ?? null,
    areaPath: area?.path ?? null,
  };
}

/**
 * Conditions on an inspection (alias `i`) and its target unit (alias `u`): the committee's own inspections
 * (提级/交叉 into a lower committee's area count for the committee that sent the team), narrowed by term,
 * round, unit kind and area.
 */
export function inspectionConditions(f: ResolvedFilter, i = 'i', u = 'u'): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`${sql.ref(`${i}.committee_id`)} = ${f.committeeId}`];
  if (f.term) parts.push(sql`${sql.ref(`${i}.start_date`)} BETWEEN ${f.term.from}::date AND ${f.term.to}::date`);
  if (f.roundId) parts.push(sql`${sql.ref(`${i}.round_id`)} = ${f.roundId}`);
  parts.push(...unitConditions(f, u));
  return sql.join(parts, sql` AND `);
}

/** Conditions on a unit (alias `u`) alone: kind and area. Empty when neither is filtered. */
export function unitConditions(f: ResolvedFilter, u = 'u'): RawBuilder<unknown>[] {
  const parts: RawBuilder<unknown>[] = [];
  if (f.unitKind) parts.push(sql`${sql.ref(`${u}.kind`)} = ${f.unitKind}`);
  if (f.areaPath) parts.push(sql`${sql.ref(`${u}.path`)} LIKE ${`${f.areaPath}%`}`);
  return parts;
}
