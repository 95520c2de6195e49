// The upper committee's view of the committees below it and the drill-down into one of them. Read-only: no
// transaction of its own or audit (the export is audited by the xlsx infrastructure). A holder of linkage.read
// alone gets aggregates only — no unit, finding or person — and the drill-down asks for linkage.drill.
import {
  type aspect,
  type FindingStatus,
  INSPECTION_PHASES,
  type InspectionPhase,
  type InspectionType,
  type LinkageCommitteeQuery,
  type LinkageCommitteeRow,
  type LinkageCommitteesView,
  type LinkageFindingQuery,
  type LinkageInspectionQuery,
} from '@xuncha/contracts';
import { can, committeeRecord } from '../../access/scope.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult, pageWindow } from '../../platform/http/paging.ts';
import { type CommitteeFigures, committeeFigures } from './committees.repository.ts';
import { committeeFindings, committeeInspections } from './drill.repository.ts';
import { lowerCommittee, ownCommittee } from './linkage.access.ts';

type Aspect = (typeof aspect.codes)[number];

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export function presentFigures(r: CommitteeFigures): LinkageCommitteeRow {
  return {
    committeeId: r.committee_id,
    name: r.name,
    level: r.level,
    parentId: r.parent_id,
    depth: r.depth,
    termPlanName: r.term_plan_name,
    unitsToCover: r.to_cover,
    unitsCovered: r.covered,
    coverageRate: rate(r.covered, r.to_cover),
    rounds: r.rounds,
    currentRoundName: r.current_round_name,
    currentRoundPhase: r.current_phase_index === null ? null : (INSPECTION_PHASES[r.current_phase_index] ?? null),
    inspections: r.inspections,
    findings: r.findings,
    findingsByAspect: {
      party_leadership: r.party_leadership,
      party_building: r.party_building,
      strict_governance: r.strict_governance,
      anti_corruption: r.anti_corruption,
    },
    tasks: r.tasks,
    tasksClosed: r.closed,
    tasksOverdue: r.overdue,
    rectificationRate: rate(r.closed, r.tasks),
    onTimeRate: rate(r.closed_on_time, r.closed),
    handoversSent: r.handovers_sent,
    handoversWithResult: r.handovers_with_result,
    handoversOverdue: r.handovers_overdue,
  };
}

export async function committeesView(
  ctx: RequestContext,
  query: LinkageCommitteeQuery,
): Promise<LinkageCommitteesView> {
  const committeeId = ownCommittee(ctx.user, 'linkage.read', query.committeeId);
  const today = shanghaiToday(ctx.clock);
  const rows = await committeeFigures(ctx.db, committeeId, today, pageWindow(query));
  const [own, ...lower] = rows;
  if (!own) throw new Error(`committee ${committeeId} has no figures row`);
  const record = committeeRecord(committeeId);
  return {
    asOf: today,
    own: presentFigures(own),
    lower: pageResult(lower.map(presentFigures), own.lower_total, query),
    mayDrill: can(ctx.user, 'linkage.drill', record),
    mayLaunch: can(ctx.user, 'inspection.launch_lower', record),
  };
}

/** Every row (own first, then those below) for the export. */
export async function committeesForExport(ctx: RequestContext, query: Pick<LinkageCommitteeQuery, 'committeeId'>) {
  const committeeId = ownCommittee(ctx.user, 'linkage.read', query.committeeId);
  const rows = await committeeFigures(ctx.db, committeeId, shanghaiToday(ctx.clock), null);
  return rows.map(presentFigures);
}

export async function drillInspections(ctx: RequestContext, lowerId: string, query: LinkageInspectionQuery) {
  await lowerCommittee(ctx.db, ctx.user, 'linkage.drill', lowerId);
  const { items, total } = await committeeInspections(ctx.db, lowerId, query);
  const typed = items.map((r) => ({ ...r, type: r.type as InspectionType, phase: r.phase as InspectionPhase }));
  return pageResult(typed, total, query);
}

export async function drillFindings(ctx: RequestContext, lowerId: string, query: LinkageFindingQuery) {
  await lowerCommittee(ctx.db, ctx.user, 'linkage.drill', lowerId);
  const { items, total } = await committeeFindings(ctx.db, lowerId, query);
  const typed = items.map((r) => ({ ...r, aspect: r.aspect as Aspect, status: r.status as FindingStatus }));
  return pageResult(typed, total, query);
}
