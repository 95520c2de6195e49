// 工作量 use cases: read-only; the filter is resolved under analytics.read (404 out of reach).
import type {
  AnalyticsFilter,
  CadreWorkload,
  TeamWorkload,
  UnitKind,
  Workload,
  WorkloadInspection,
  WorkloadInspectionQuery,
  WorkloadQuery,
} from '@xuncha/contracts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { resolveFilter } from './analytics.filter.ts';
import * as repo from './workload.repository.ts';

type NoPage<T> = Omit<T, 'page' | 'pageSize'>;

const presentTeam = (r: repo.TeamRow): TeamWorkload => ({
  teamId: r.team_id,
  teamName: r.team_name,
  roundName: r.round_name,
  inspections: r.inspections,
  units: r.units,
  days: r.days,
  findings: r.findings,
  clues: r.clues,
  fieldworkRecords: r.records,
});

const presentCadre = (r: repo.CadreRow): CadreWorkload => ({
  cadreId: r.cadre_id,
  cadreName: r.cadre_name,
  homeUnitName: r.home_unit_name,
  asLeader: r.as_leader,
  asMember: r.as_member,
  rounds: r.rounds,
  inspections: r.inspections,
  days: r.days,
});

const presentInspection = ({ total: _total, ...r }: repo.InspectionRow & { total: number }): WorkloadInspection => ({
  ...r,
  unitKind: r.unitKind as UnitKind,
});

export async function workload(ctx: RequestContext, query: WorkloadQuery): Promise<Workload> {
  const filter = await resolveFilter(ctx.db, ctx.user, query);
  const { totals, teams } = await repo.teamWorkload(ctx.db, filter, query);
  const { records, ...rest } = totals;
  return {
    totals: { ...rest, fieldworkRecords: records },
    teams: pageResult(teams.map(presentTeam), totals.teams, query),
  };
}

export async function teamsForExport(ctx: RequestContext, query: AnalyticsFilter) {
  const filter = await resolveFilter(ctx.db, ctx.user, query);
  return (await repo.teamWorkload(ctx.db, filter, null)).teams.map(presentTeam);
}

export async function cadres(ctx: RequestContext, query: WorkloadQuery) {
  const filter = await resolveFilter(ctx.db, ctx.user, query);
  const rows = await repo.cadreWorkload(ctx.db, filter, query);
  return pageResult(rows.map(presentCadre), rows[0]?.total ?? 0, query);
}

export async function cadresForExport(ctx: RequestContext, query: AnalyticsFilter) {
  const filter = await resolveFilter(ctx.db, ctx.user, query);
  return (await repo.cadreWorkload(ctx.db, filter, null)).map(presentCadre);
}

export async function inspections(ctx: RequestContext, query: WorkloadInspectionQuery) {
  const filter = await resolveFilter(ctx.db, ctx.user, query);
  const rows = await repo.inspectionRows(ctx.db, filter, query, query);
  return pageResult(rows.map(presentInspection), rows[0]?.total ?? 0, query);
}

export async function inspectionsForExport(ctx: RequestContext, query: NoPage<WorkloadInspectionQuery>) {
  const filter = await resolveFilter(ctx.db, ctx.user, query);
  return (await repo.inspectionRows(ctx.db, filter, query, null)).map(presentInspection);
}
