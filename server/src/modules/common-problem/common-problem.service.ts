// 共性问题 use cases. Refresh (the office, on demand): segment the findings that are new or edited since
// their terms were stored, find similar pairs in SQL, cluster them and replace the committee's stored
// clusters — one transaction, audited. Terms are computed here rather than by the finding service so that
// no other module depends on jieba; a finding edited later is simply segmented again at the next refresh
// (the page shows when the result was computed). Reading clusters is cheap: it reads the stored result.
import {
  type ClusterFilter,
  type ClusterFindingQuery,
  type ClusterPage,
  type ClusterQuery,
  type ClusterRow,
  type CommonProblemRefresh,
  type CommonProblemRun,
  DEFAULT_SIMILARITY_THRESHOLD,
} from '@xuncha/contracts';
import { can, committeeRecord } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import { withTransaction } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult, pageWindow } from '../../platform/http/paging.ts';
import { resolveFilter } from '../analytics/analytics.filter.ts';
import { clusterPairs } from './cluster.ts';
import * as list from './clusters.repository.ts';
import * as repo from './refresh.repository.ts';
import { weightedTermsOf } from './terms.ts';

const TERM_BATCH = 500;
/** Bounds the pairs a refresh loads into Node, most similar first (a province-wide committee stays bounded). */
export const PAIR_OPTIONS = { maxShare: 0.05, minCap: 20, maxPairs: 200_000 };

export async function refresh(ctx: RequestContext, input: CommonProblemRefresh): Promise<CommonProblemRun> {
  const f = await resolveFilter(ctx.db, ctx.user, { committeeId: input.committeeId }, 'common_problem.manage');
  const threshold = input.threshold ?? DEFAULT_SIMILARITY_THRESHOLD;
  const started = Date.now();
  return withTransaction(ctx.db, async (tx) => {
    for (let after: string | null = null; ; ) {
      const stale = await repo.staleFindings(tx, f.committeeId, TERM_BATCH, after);
      if (stale.length === 0) break;
      after = stale[stale.length - 1]?.id ?? null;
      const segmented = stale.map((s) => ({
        id: s.id,
        updatedAt: s.updatedAt,
        terms: weightedTermsOf(s.title, s.facts),
      }));
      await repo.storeTerms(tx, f.committeeId, segmented);
    }
    const pairs = await repo.similarPairs(tx, f.committeeId, { threshold, ...PAIR_OPTIONS });
    const clusters = clusterPairs(pairs, threshold);
    await repo.replaceClusters(tx, f.committeeId, clusters);
    const run = {
      threshold,
      computedAt: ctx.clock.now().toISOString(),
      findingCount: await repo.countClustered(tx, f.committeeId),
      pairCount: pairs.length,
      clusterCount: clusters.length,
      durationMs: Date.now() - started,
    };
    await repo.saveRun(tx, { ...run, committeeId: f.committeeId, computedBy: ctx.user.id });
    await writeAudit(tx, ctx.actor, {
      action: 'common_problem.refresh',
      entity: 'common_problem_run',
      entityId: f.committeeId,
      after: { threshold, findings: run.findingCount, pairs: run.pairCount, clusters: run.clusterCount },
    });
    return run;
  });
}

function presentCluster(r: list.ClusterRecord): ClusterRow {
  return {
    id: r.id,
    label: r.label,
    terms: r.terms,
    findingCount: r.finding_count,
    unitCount: r.unit_count,
    units: r.units ?? [],
    aspect: r.aspect as ClusterRow['aspect'],
    discipline: r.discipline as ClusterRow['discipline'],
    areas: r.areas as ClusterRow['areas'],
    cohesion: Math.round(Number(r.cohesion) * 1000) / 1000,
    exampleTitles: r.example_titles ?? [],
  };
}

function splitFilter(query: ClusterFilter) {
  const { aspect, area, q, ...analytics } = query;
  return { analytics, extra: { aspect, area, q } };
}

export async function clusters(ctx: RequestContext, query: ClusterQuery): Promise<ClusterPage> {
  const { page, pageSize, ...filter } = query;
  const { analytics, extra } = splitFilter(filter);
  const f = await resolveFilter(ctx.db, ctx.user, analytics);
  const [rows, run] = await Promise.all([
    list.listClusters(ctx.db, f, extra, pageWindow({ page, pageSize })),
    list.lastRun(ctx.db, f.committeeId),
  ]);
  return {
    ...pageResult(rows.map(presentCluster), rows[0]?.total ?? (page > 1 ? await countAll(ctx, filter) : 0), query),
    run: run ? { ...run, threshold: Number(run.threshold) } : null,
    committeeId: f.committeeId,
  };
}

/** The total when the page asked for lies past the end (no row carries the window count). */
async function countAll(ctx: RequestContext, filter: ClusterFilter): Promise<number> {
  const { analytics, extra } = splitFilter(filter);
  const f = await resolveFilter(ctx.db, ctx.user, analytics);
  const first = await list.listClusters(ctx.db, f, extra, { limit: 1, offset: 0 });
  return first[0]?.total ?? 0;
}

/** Every cluster the list would show, in list order, for the export. */
export async function* allClusters(ctx: RequestContext, filter: ClusterFilter): AsyncGenerator<ClusterRow> {
  const { analytics, extra } = splitFilter(filter);
  const f = await resolveFilter(ctx.db, ctx.user, analytics);
  for (let offset = 0; ; offset += 500) {
    const rows = await list.listClusters(ctx.db, f, extra, { limit: 500, offset });
    for (const r of rows) yield presentCluster(r);
    if (rows.length < 500) return;
  }
}

/** A cluster of a committee the user holds `permission` in, else 404. */
export async function loadCluster(
  ctx: RequestContext,
  clusterId: string,
  permission: 'analytics.read' | 'common_problem.manage',
) {
  const cluster = await list.clusterCommittee(ctx.db, clusterId);
  if (!cluster || !can(ctx.user, permission, committeeRecord(cluster.committeeId))) throw notFound('共性问题不存在');
  return cluster;
}

export async function clusterFindings(ctx: RequestContext, clusterId: string, query: ClusterFindingQuery) {
  const cluster = await loadCluster(ctx, clusterId, 'analytics.read');
  const { page, pageSize, ...analytics } = query;
  const f = await resolveFilter(ctx.db, ctx.user, { ...analytics, committeeId: cluster.committeeId });
  const { items, total } = await list.clusterFindings(ctx.db, clusterId, f, pageWindow({ page, pageSize }));
  return pageResult(
    items.map((r) => ({
      ...r,
      aspect: r.aspect as ClusterRow['aspect'] & string,
      discipline: r.discipline as ClusterRow['discipline'],
      areas: r.areas as ClusterRow['areas'],
    })),
    total,
    query,
  );
}
