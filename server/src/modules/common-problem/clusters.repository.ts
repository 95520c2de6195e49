// SQL reading the stored clusters: the list (counts over the members the filter keeps, ≥ 2 units), the
// members of one cluster, and the last run. The filter is the analytics filter (term, round, unit kind,
// area) applied to each member's inspection and unit, plus the cluster's taxonomy and a keyword.
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db.ts';
import { inspectionConditions, type ResolvedFilter } from '../analytics/analytics.filter.ts';

export interface ClusterExtra {
  aspect?: string | undefined;
  area?: string | undefined;
  q?: string | undefined;
}

export interface ClusterRecord {
  id: string;
  label: string;
  terms: string[];
  aspect: string | null;
  discipline: string | null;
  areas: string[];
  cohesion: number;
  finding_count: number;
  unit_count: number;
  units: { id: string; name: string }[] | null;
  example_titles: string[] | null;
  total: number;
}

function clusterConditions(x: ClusterExtra): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (x.aspect) parts.push(sql`c.aspect = ${x.aspect}`);
  if (x.area) parts.push(sql`${x.area} = ANY (c.areas)`);
  if (x.q) {
    const like = `%${x.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    parts.push(sql`(c.label LIKE ${like} OR EXISTS (
      SELECT 1 FROM common_problem_member qm JOIN finding qf ON qf.id = qm.finding_id
      WHERE qm.cluster_id = c.id AND qf.title LIKE ${like}))`);
  }
  return sql.join(parts, sql` AND `);
}

/** Members the filter keeps, as a CTE body (cluster_id, finding_id, unit_id, unit_name, title). */
function members(f: ResolvedFilter, x: ClusterExtra) {
  return sql`SELECT m.cluster_id, fi.id AS finding_id, fi.unit_id, u.name AS unit_name, fi.title
    FROM common_problem_cluster c
    JOIN common_problem_member m ON m.cluster_id = c.id
    JOIN finding fi ON fi.id = m.finding_id
    JOIN inspection i ON i.id = fi.inspection_id
    JOIN org_unit u ON u.id = fi.unit_id
    WHERE c.committee_id = ${f.committeeId} AND ${clusterConditions(x)} AND ${inspectionConditions(f)}`;
}

export async function listClusters(
  db: Db,
  f: ResolvedFilter,
  x: ClusterExtra,
  window: { limit: number; offset: number },
): Promise<ClusterRecord[]> {
  const result = await sql<ClusterRecord>`
    WITH kept AS (${members(f, x)}),
    g AS (
      SELECT cluster_id, count(*)::int AS finding_count, count(DISTINCT unit_id)::int AS unit_count
      FROM kept GROUP BY cluster_id HAVING count(DISTINCT unit_id) >= 2
    )
    SELECT c.id, c.label, c.terms, c.aspect, c.discipline, c.areas, c.cohesion::float8 AS cohesion,
      g.finding_count, g.unit_count, count(*) OVER ()::int AS total,
      (SELECT json_agg(json_build_object('id', x.unit_id, 'name', x.unit_name) ORDER BY x.unit_name)
        FROM (SELECT DISTINCT unit_id, unit_name FROM kept k WHERE k.cluster_id = c.id ORDER BY unit_name LIMIT 12) x
      ) AS units,
      (SELECT array_agg(y.title ORDER BY y.unit_name) FROM (
        SELECT k.title, min(k.unit_name) AS unit_name FROM kept k WHERE k.cluster_id = c.id
        GROUP BY k.title ORDER BY min(k.unit_name), k.title LIMIT 3) y
      ) AS example_titles
    FROM g JOIN common_problem_cluster c ON c.id = g.cluster_id
    ORDER BY g.unit_count DESC, g.finding_count DESC, c.cohesion DESC, c.id
    LIMIT ${window.limit} OFFSET ${window.offset}`.execute(db);
  return result.rows;
}

/** The cluster's committee, or undefined (a missing cluster and one of another committee answer alike). */
export function clusterCommittee(db: Db, clusterId: string) {
  return db
    .selectFrom('common_problem_cluster')
    .select(['id', 'committee_id as committeeId', 'label'])
    .where('id', '=', clusterId)
    .executeTakeFirst();
}

export async function clusterFindings(
  db: Db,
  clusterId: string,
  f: ResolvedFilter,
  window: { limit: number; offset: number },
) {
  const where = sql`m.cluster_id = ${clusterId} AND ${inspectionConditions(f)}`;
  const [rows, count] = await Promise.all([
    sql<{
      id: string;
      unitId: string;
      unitName: string;
      roundName: string;
      inspectionId: string;
      title: string;
      facts: string;
      aspect: string;
      discipline: string | null;
      areas: string[];
    }>`SELECT fi.id, fi.unit_id AS "unitId", u.name AS "unitName", r.name AS "roundName",
        fi.inspection_id AS "inspectionId", fi.title, fi.facts, fi.aspect, fi.discipline, fi.areas
      FROM common_problem_member m
      JOIN finding fi ON fi.id = m.finding_id
      JOIN inspection i ON i.id = fi.inspection_id
      JOIN round r ON r.id = i.round_id
      JOIN org_unit u ON u.id = fi.unit_id
      WHERE ${where}
      ORDER BY u.name, fi.seq, fi.id
      LIMIT ${window.limit} OFFSET ${window.offset}`.execute(db),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM common_problem_member m
      JOIN finding fi ON fi.id = m.finding_id
      JOIN inspection i ON i.id = fi.inspection_id
      JOIN org_unit u ON u.id = fi.unit_id
      WHERE ${where}`.execute(db),
  ]);
  return { items: rows.rows, total: Number(count.rows[0]?.n ?? 0) };
}

/** The cluster's members and their units, unfiltered: what a notice or proposal is drafted from. */
export async function clusterSnapshot(db: Db, clusterId: string) {
  return db
    .selectFrom('common_problem_member as m')
    .innerJoin('finding as f', 'f.id', 'm.finding_id')
    .innerJoin('org_unit as u', 'u.id', 'f.unit_id')
    .select(['f.id', 'f.title', 'f.unit_id as unitId', 'u.name as unitName'])
    .where('m.cluster_id', '=', clusterId)
    .orderBy('u.name')
    .orderBy('f.seq')
    .execute();
}

export function lastRun(db: Db, committeeId: string) {
  return db
    .selectFrom('common_problem_run')
    .select([
      'threshold',
      'computed_at as computedAt',
      'finding_count as findingCount',
      'pair_count as pairCount',
      'cluster_count as clusterCount',
      'duration_ms as durationMs',
    ])
    .where('committee_id', '=', committeeId)
    .executeTakeFirst();
}
