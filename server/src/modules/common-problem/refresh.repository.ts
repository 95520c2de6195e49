// SQL of the 共性问题 refresh: findings' terms kept current, similar pairs found in SQL over the term table
// (IDF-weighted Jaccard, blocked by committee, different unit and shared taxonomy), and the committee's
// clusters replaced by the new result with their labels and taxonomy computed in SQL.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db.ts';
import type { Cluster, SimilarPair } from './cluster.ts';
import type { WeightedTerm } from './terms.ts';

/** Findings clustered: a committee's own, except 敏感 ones (kept from the units a notice goes to). */
const clustered = (committeeId: string) =>
  sql`SELECT id, unit_id, aspect, discipline, areas FROM finding
    WHERE committee_id = ${committeeId} AND sensitivity <> 'sensitive'`;

/** Findings without terms, or edited since their terms were computed; keyset pages by id after `after`. */
export function staleFindings(db: Db, committeeId: string, limit: number, after: string | null = null) {
  let query = db
    .selectFrom('finding as f')
    .leftJoin('finding_term_state as s', 's.finding_id', 'f.id')
    // as text: a Date would drop the microseconds and the finding would look stale for ever
    .select(['f.id', 'f.title', 'f.facts', sql<string>`f.updated_at::text`.as('updatedAt')])
    .where('f.committee_id', '=', committeeId)
    .where((eb) => eb.or([eb('s.finding_id', 'is', null), eb('s.source_updated_at', '<', eb.ref('f.updated_at'))]))
    .orderBy('f.id')
    .limit(limit);
  if (after) query = query.where('f.id', '>', after);
  return query.execute();
}

export async function storeTerms(
  tx: Tx,
  committeeId: string,
  findings: { id: string; updatedAt: string; terms: WeightedTerm[] }[],
): Promise<void> {
  if (findings.length === 0) return;
  const ids = findings.map((f) => f.id);
  await tx.deleteFrom('finding_term').where('finding_id', 'in', ids).execute();
  const rows = findings.flatMap((f) =>
    f.terms.map((t) => ({ finding_id: f.id, committee_id: committeeId, term: t.term, weight: t.weight })),
  );
  for (let i = 0; i < rows.length; i += 5000) {
    await tx
      .insertInto('finding_term')
      .values(rows.slice(i, i + 5000))
      .execute();
  }
  await tx
    .insertInto('finding_term_state')
    .values(
      findings.map((f) => ({
        finding_id: f.id,
        committee_id: committeeId,
        source_updated_at: sql<string>`${f.updatedAt}::timestamptz`,
        term_count: f.terms.length,
      })),
    )
    .onConflict((oc) =>
      oc.column('finding_id').doUpdateSet((eb) => ({
        source_updated_at: eb.ref('excluded.source_updated_at'),
        term_count: eb.ref('excluded.term_count'),
      })),
    )
    .execute();
}

export interface PairOptions {
  threshold: number;
  /** a term in more than this share of the findings (and more than minCap) says nothing about the problem */
  maxShare: number;
  minCap: number;
  maxPairs: number;
}

/**
 * Pairs of findings of different units with shared taxonomy, at or above the threshold, most similar first.
 * Similarity is the cosine of the findings' term vectors, w = idf × the term's weight (terms.ts: title 1,
 * facts only FACTS_WEIGHT, 巡察 vocabulary × DOMAIN_BOOST), idf = ln(1 + N / df) over the committee's findings.
 * (Weighted Jaccard was tried first: the details of the facts swamped it, recall 0.15 at precision 0.83.)
 */
export async function similarPairs(db: Db, committeeId: string, o: PairOptions): Promise<SimilarPair[]> {
  // One self-join of the term rows, each carrying its finding's unit, taxonomy and vector norm: joining the
  // pairs back to per-finding CTEs made PostgreSQL nest loops over CTE scans (120 s for 285 findings).
  const result = await sql<{ a: string; b: string; similarity: number }>`
    WITH f AS MATERIALIZED (${clustered(committeeId)}),
    n AS (SELECT count(*)::float8 AS n FROM f),
    df AS MATERIALIZED (
      SELECT t.term, count(*)::int AS df FROM finding_term t JOIN f ON f.id = t.finding_id
      WHERE t.committee_id = ${committeeId} GROUP BY t.term
    ),
    w AS MATERIALIZED (
      SELECT x.*, sqrt(sum(x.w * x.w) OVER (PARTITION BY x.finding_id)) AS norm FROM (
        SELECT t.finding_id, t.term, df.df, ln(1 + n.n / df.df) * t.weight AS w,
          f.unit_id, f.aspect, f.discipline, f.areas
        FROM finding_term t JOIN f ON f.id = t.finding_id JOIN df ON df.term = t.term CROSS JOIN n
        WHERE t.committee_id = ${committeeId} AND df.df <= greatest(${o.minCap}, n.n * ${o.maxShare})
      ) x
    ),
    pairs AS (
      SELECT a.finding_id AS a, b.finding_id AS b, sum(a.w * b.w) / (min(a.norm) * min(b.norm)) AS similarity
      FROM w a JOIN w b ON b.term = a.term AND a.finding_id < b.finding_id
      WHERE a.df >= 2 AND a.unit_id <> b.unit_id
        AND (a.aspect = b.aspect OR a.discipline = b.discipline OR a.areas && b.areas)
      GROUP BY a.finding_id, b.finding_id
    )
    SELECT a, b, similarity::float8 AS similarity FROM pairs WHERE similarity >= ${o.threshold}
    ORDER BY similarity DESC, a, b LIMIT ${o.maxPairs}`.execute(db);
  return result.rows.map((r) => ({ a: r.a, b: r.b, similarity: Number(r.similarity) }));
}

export async function countClustered(db: Db, committeeId: string): Promise<number> {
  const row = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (${clustered(committeeId)}) f`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}

/** Replaces the committee's clusters (notices and proposals keep their snapshot; their link is cleared). */
export async function replaceClusters(tx: Tx, committeeId: string, clusters: Cluster[]): Promise<void> {
  await tx.deleteFrom('common_problem_cluster').where('committee_id', '=', committeeId).execute();
  const rows = clusters.map((c) => ({ ...c, id: randomUUID() }));
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000);
    await tx
      .insertInto('common_problem_cluster')
      .values(
        batch.map((c) => ({
          id: c.id,
          committee_id: committeeId,
          terms: [],
          label: '',
          areas: [],
          cohesion: c.cohesion,
        })),
      )
      .execute();
    const members = batch.flatMap((c) =>
      c.findingIds.map((findingId) => ({ cluster_id: c.id, finding_id: findingId })),
    );
    for (let j = 0; j < members.length; j += 5000) {
      await tx
        .insertInto('common_problem_member')
        .values(members.slice(j, j + 5000))
        .execute();
    }
  }
  await describeClusters(tx, committeeId);
}

/** Label = the terms most members share, weighted by how rare they are; taxonomy = the members' most common. */
async function describeClusters(tx: Tx, committeeId: string): Promise<void> {
  await sql`UPDATE common_problem_cluster c SET terms = x.terms, label = array_to_string(x.terms[1:3], '、')
    FROM (
      SELECT cluster_id, array_agg(term ORDER BY rk) AS terms FROM (
        SELECT m.cluster_id, t.term,
          row_number() OVER (PARTITION BY m.cluster_id
            ORDER BY count(*) * ln(1 + max(n.n) / max(d.df)) DESC, t.term) AS rk
        FROM common_problem_member m
        JOIN common_problem_cluster cc ON cc.id = m.cluster_id AND cc.committee_id = ${committeeId}
        JOIN finding_term t ON t.finding_id = m.finding_id
        JOIN (SELECT term, count(*)::float8 AS df FROM finding_term WHERE committee_id = ${committeeId} GROUP BY term) d
          ON d.term = t.term
        CROSS JOIN (SELECT count(*)::float8 AS n FROM finding_term_state WHERE committee_id = ${committeeId}) n
        GROUP BY m.cluster_id, t.term
        HAVING count(*) >= 2
      ) r WHERE rk <= 6 GROUP BY cluster_id
    ) x WHERE c.id = x.cluster_id`.execute(tx);
  await sql`UPDATE common_problem_cluster c SET aspect = x.aspect, discipline = x.discipline,
      areas = coalesce((
        SELECT array_agg(a.area ORDER BY a.area) FROM (
          SELECT ar AS area FROM common_problem_member m2 JOIN finding f2 ON f2.id = m2.finding_id,
            unnest(f2.areas) AS ar
          WHERE m2.cluster_id = c.id GROUP BY ar
          HAVING count(*) * 2 >= x.size
        ) a), '{}')
    FROM (
      SELECT m.cluster_id, count(*) AS size,
        mode() WITHIN GROUP (ORDER BY f.aspect) AS aspect,
        mode() WITHIN GROUP (ORDER BY f.discipline) AS discipline
      FROM common_problem_member m
      JOIN common_problem_cluster cc ON cc.id = m.cluster_id AND cc.committee_id = ${committeeId}
      JOIN finding f ON f.id = m.finding_id
      GROUP BY m.cluster_id
    ) x WHERE c.id = x.cluster_id`.execute(tx);
}

export async function saveRun(
  tx: Tx,
  run: {
    committeeId: string;
    threshold: number;
    computedAt: string;
    computedBy: string;
    findingCount: number;
    pairCount: number;
    clusterCount: number;
    durationMs: number;
  },
): Promise<void> {
  const values = {
    committee_id: run.committeeId,
    threshold: run.threshold,
    computed_at: run.computedAt,
    computed_by: run.computedBy,
    finding_count: run.findingCount,
    pair_count: run.pairCount,
    cluster_count: run.clusterCount,
    duration_ms: run.durationMs,
  };
  await tx
    .insertInto('common_problem_run')
    .values(values)
    .onConflict((oc) => oc.column('committee_id').doUpdateSet(values))
    .execute();
}
