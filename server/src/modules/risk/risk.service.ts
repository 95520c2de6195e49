// 风险排序 use cases: the ranking (read-only; the export is audited by the xlsx infrastructure) and the
// committee's weights (each save is a new version, written with its audit entry in one transaction).
import {
  DEFAULT_RISK_WEIGHTS,
  RISK_FACTORS,
  RISK_PREVIEW_PARAMS,
  type RiskRankingFilter,
  type RiskRankingPage,
  type RiskRankingQuery,
  type RiskRankingRow,
  type RiskWeightHistoryQuery,
  type RiskWeightsQuery,
  type RiskWeightsUpdate,
  type RiskWeightsView,
  type RiskWeightValues,
} from '@xuncha/contracts';
import { can, committeeRecord } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, forbidden, insertOrConflict } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult, pageWindow } from '../../platform/http/paging.ts';
import { committeesWith, resolveFilter } from '../analytics/analytics.filter.ts';
import * as repo from './risk.repository.ts';
import * as weightsRepo from './risk-weights.repository.ts';

const pick = (w: RiskWeightValues) => Object.fromEntries(RISK_FACTORS.map((f) => [f, w[f]])) as RiskWeightValues;

async function weightsView(ctx: RequestContext, committeeId: string): Promise<RiskWeightsView> {
  const saved = await weightsRepo.currentWeights(ctx.db, committeeId);
  const canConfigure = can(ctx.user, 'risk.configure', committeeRecord(committeeId));
  if (!saved)
    return {
      committeeId,
      version: 0,
      weights: DEFAULT_RISK_WEIGHTS,
      setAt: null,
      setByName: null,
      reason: null,
      isDefault: true,
      canConfigure,
    };
  return { ...saved, committeeId, weights: pick(saved), isDefault: false, canConfigure };
}

export async function getWeights(ctx: RequestContext, query: RiskWeightsQuery): Promise<RiskWeightsView> {
  const filter = await resolveFilter(ctx.db, ctx.user, query, 'risk.read');
  return weightsView(ctx, filter.committeeId);
}

export async function weightHistory(ctx: RequestContext, query: RiskWeightHistoryQuery) {
  const filter = await resolveFilter(ctx.db, ctx.user, { committeeId: query.committeeId }, 'risk.read');
  const { items, total } = await weightsRepo.weightHistory(ctx.db, filter.committeeId, pageWindow(query));
  return pageResult(
    items.map((r) => ({ ...r, weights: pick(r) })),
    total,
    query,
  );
}

export async function updateWeights(ctx: RequestContext, input: RiskWeightsUpdate): Promise<RiskWeightsView> {
  const committeeId = input.committeeId ?? committeesWith(ctx.user, 'risk.configure')[0];
  // out of reach → 404 (resolveFilter); readable but not configurable → 403
  const filter = await resolveFilter(ctx.db, ctx.user, { committeeId }, 'risk.read');
  if (!can(ctx.user, 'risk.configure', committeeRecord(filter.committeeId)))
    throw forbidden('只有巡察办主任可以设置风险排序权重');
  await withTransaction(ctx.db, async (tx) => {
    const current = await weightsRepo.currentWeights(tx, filter.committeeId);
    const currentVersion = current?.version ?? 0;
    const stale = `权重已被他人修改（当前为第 ${currentVersion} 版），请刷新后重试`;
    if (input.version !== currentVersion) throw conflict(stale);
    const saved = await insertOrConflict(
      () =>
        weightsRepo.insertWeights(
          tx,
          {
            committeeId: filter.committeeId,
            version: currentVersion + 1,
            weights: input.weights,
            reason: input.reason ?? null,
          },
          ctx.actor,
        ),
      stale,
    );
    await writeAudit(tx, ctx.actor, {
      action: 'risk_weight.update',
      entity: 'committee',
      entityId: filter.committeeId,
      before: { version: currentVersion, weights: current ? pick(current) : DEFAULT_RISK_WEIGHTS },
      after: { version: saved.version, weights: pick(saved), reason: saved.reason },
    });
  });
  return weightsView(ctx, filter.committeeId);
}

/** The saved weights, overridden by the preview parameters given; all zero → 400. */
function effectiveWeights(saved: RiskWeightValues, query: RiskRankingFilter) {
  const preview = RISK_FACTORS.some((f) => query[RISK_PREVIEW_PARAMS[f]] !== undefined);
  const weights = Object.fromEntries(
    RISK_FACTORS.map((f) => [f, (query[RISK_PREVIEW_PARAMS[f]] as number | undefined) ?? saved[f]]),
  ) as RiskWeightValues;
  if (RISK_FACTORS.every((f) => weights[f] === 0)) throw badRequest('权重不能全部为 0');
  return { weights, preview };
}

async function rankingParams(ctx: RequestContext, query: RiskRankingFilter) {
  const filter = await resolveFilter(ctx.db, ctx.user, query, 'risk.read');
  const today = shanghaiToday(ctx.clock);
  const committee = committeeRecord(filter.committeeId);
  const [saved, term] = await Promise.all([
    weightsRepo.currentWeights(ctx.db, filter.committeeId),
    query.uncoveredInTerm || query.termPlanId
      ? repo.termOf(ctx.db, filter.committeeId, query.termPlanId ?? null, today)
      : null,
  ]);
  const { weights, preview } = effectiveWeights(saved ? pick(saved) : DEFAULT_RISK_WEIGHTS, query);
  const params: repo.RankingParams = {
    filter,
    today,
    weights,
    uncovered: term,
    uncoveredOnly: query.uncoveredInTerm === true,
    // counts only, and only for those who may count them in the committee as a whole (clue.access.ts)
    countClues: can(ctx.user, 'clue.count', committee),
    countPetitions: can(ctx.user, 'fieldwork.read', committee),
    sort: query.sort,
  };
  return { params, term, preview, version: saved?.version ?? 0 };
}

export function presentRow(r: repo.RankingRecord): RiskRankingRow {
  const factor = (f: (typeof RISK_FACTORS)[number]) => ({ value: r[`f_${f}`], contribution: r[`c_${f}`] });
  return {
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitKind: r.unit_kind as RiskRankingRow['unitKind'],
    rank: r.rank,
    score: r.score,
    factors: {
      since: factor('since'),
      findings: factor('findings'),
      clues: factor('clues'),
      rectification: factor('rectification'),
      integrity: factor('integrity'),
      attention: factor('attention'),
    },
    inputs: {
      lastInspectedOn: r.last_on,
      daysSince: r.days_since,
      findings: r.findings,
      keyFindings: r.key_findings,
      clues: r.clues,
      tasks: r.tasks,
      openTasks: r.open_tasks,
      overdueTasks: r.overdue_tasks,
      returnedTasks: r.returned_tasks,
      reopenedTasks: r.reopened_tasks,
      fundVolume: r.fund_volume,
      projectCount: r.project_count,
      approvalPower: r.has_approval_power,
      enforcementPower: r.has_enforcement_power,
      villageClass: r.village_class as RiskRankingRow['inputs']['villageClass'],
      socialAttention: r.social_attention,
      petitions: r.petitions,
    },
  };
}

export async function ranking(ctx: RequestContext, query: RiskRankingQuery): Promise<RiskRankingPage> {
  const { params, term, preview, version } = await rankingParams(ctx, query);
  const rows = await repo.rankingPage(ctx.db, params, pageWindow(query));
  const total = rows[0]?.total ?? (await repo.countUnits(ctx.db, params));
  return {
    ...pageResult(rows.map(presentRow), total, query),
    committeeId: params.filter.committeeId,
    weights: params.weights,
    weightsVersion: version,
    preview,
    term: term ? { id: term.id, name: term.name } : null,
    clueCountsVisible: params.countClues,
    petitionCountsVisible: params.countPetitions,
  };
}

/** Every ranked unit for the export, in the page's order. */
export async function rankingForExport(ctx: RequestContext, query: RiskRankingFilter) {
  const { params } = await rankingParams(ctx, query);
  return (await repo.rankingAll(ctx.db, params)).map(presentRow);
}
