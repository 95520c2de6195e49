// 回避 rules engine (DOMAIN.md §2): which cadres may not inspect which units, and why, in words the
// office can show on a refusal. One set-based query per rule over all cadres × target units; no writes.
import { InspectionPhase, relationLabel } from '@xuncha/contracts';
import { sql } from 'kysely';
import type { Db } from '../../platform/db.ts';
import { isUnderInspection } from '../inspection/inspection.status.ts';

export type AvoidanceRule = 'home_unit' | 'past_post' | 'relative' | 'under_inspection' | 'cross_area';

export interface AvoidanceConflict {
  cadreId: string;
  cadreName: string;
  /** the target unit the cadre may not inspect */
  unitId: string;
  unitName: string;
  rule: AvoidanceRule;
  message: string;
}

export interface AvoidanceQuery {
  cadreIds: string[];
  unitIds: string[];
  /** 'YYYY-MM-DD': the day the team is formed (past posts are measured back from it) */
  asOf: string;
  /** 交叉巡察: cadres of the target's own committee are excluded too */
  crossInspection?: boolean;
}

const RULE_ORDER: AvoidanceRule[] = ['home_unit', 'past_post', 'relative', 'under_inspection', 'cross_area'];

/** Phases in which a unit counts as being inspected. */
const UNDER_INSPECTION_PHASES = InspectionPhase.options.filter(isUnderInspection);

/** Conflicts between these cadres and these target units on `asOf`. Pure SQL reads, no writes. */
export async function findAvoidanceConflicts(db: Db, input: AvoidanceQuery): Promise<AvoidanceConflict[]> {
  if (input.cadreIds.length === 0 || input.unitIds.length === 0) return [];
  const found = await Promise.all([
    homeUnitConflicts(db, input),
    pastPostConflicts(db, input),
    relativeConflicts(db, input),
    underInspectionConflicts(db, input),
    input.crossInspection ? crossAreaConflicts(db, input) : Promise.resolve([]),
  ]);
  return found
    .flat()
    .sort(
      (a, b) =>
        a.cadreName.localeCompare(b.cadreName, 'zh-CN') ||
        a.cadreId.localeCompare(b.cadreId) ||
        a.unitName.localeCompare(b.unitName, 'zh-CN') ||
        RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule),
    );
}

/** '2021-03-15' → '2021年3月' */
export function monthLabel(date: string): string {
  return `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月`;
}

/** The unit a fact happened in, and — when it is below the target — which target it belongs to. */
function inTarget(factUnit: string, sameUnit: boolean, target: string): string {
  return sameUnit ? factUnit : `${factUnit}（隶属被巡察单位${target}）`;
}

// Every query joins the target units (t) and the chosen cadres (c) and selects the pair; a unit is "in the
// target" when its materialised path starts with the target's path (the target itself included).
function targets(db: Db, input: AvoidanceQuery) {
  return db
    .selectFrom('cadre as c')
    .innerJoin('org_unit as t', (join) => join.on('t.id', 'in', input.unitIds))
    .where('c.id', 'in', input.cadreIds)
    .select(['c.id as cadreId', 'c.name as cadreName', 't.id as unitId', 't.name as unitName']);
}

/** One refusal for a (cadre, target) pair selected by `targets`. */
function conflict(
  pair: Pick<AvoidanceConflict, 'cadreId' | 'cadreName' | 'unitId' | 'unitName'>,
  rule: AvoidanceRule,
  message: string,
): AvoidanceConflict {
  return {
    cadreId: pair.cadreId,
    cadreName: pair.cadreName,
    unitId: pair.unitId,
    unitName: pair.unitName,
    rule,
    message,
  };
}

async function homeUnitConflicts(db: Db, input: AvoidanceQuery): Promise<AvoidanceConflict[]> {
  const rows = await targets(db, input)
    .innerJoin('org_unit as h', 'h.id', 'c.home_unit_id')
    .where(sql<boolean>`h.path LIKE t.path || '%'`)
    .select(['c.post', 'h.id as homeId', 'h.name as homeName'])
    .execute();
  return rows.map((r) =>
    conflict(
      r,
      'home_unit',
      r.homeId === r.unitId
        ? `${r.cadreName}现任${r.homeName}${r.post}，所在单位即被巡察单位`
        : `${r.cadreName}现任${r.homeName}${r.post}，所在单位隶属被巡察单位${r.unitName}`,
    ),
  );
}

async function pastPostConflicts(db: Db, input: AvoidanceQuery): Promise<AvoidanceConflict[]> {
  const rows = await targets(db, input)
    .innerJoin('committee as k', 'k.id', 't.committee_id')
    .innerJoin('cadre_past_post as p', 'p.cadre_id', 'c.id')
    .innerJoin('org_unit as pu', 'pu.id', 'p.unit_id')
    .where(sql<boolean>`pu.path LIKE t.path || '%'`)
    // left within N years: end_date strictly after asOf − N years (exactly N years ago is no longer a conflict)
    .where((eb) =>
      eb.or([
        eb('p.end_date', 'is', null),
        eb('p.end_date', '>', sql<string>`(${input.asOf}::date - make_interval(years => k.avoidance_years))::date`),
      ]),
    )
    .select(['pu.id as postUnitId', 'pu.name as postUnitName', 'p.post', 'p.start_date', 'p.end_date'])
    .select('k.avoidance_years as years')
    .execute();
  return rows.map((r) => {
    const where = inTarget(r.postUnitName, r.postUnitId === r.unitId, r.unitName);
    const since = r.start_date ? `${monthLabel(r.start_date)}` : '';
    const message = r.end_date
      ? `${r.cadreName}${since ? `${since}至` : '至'}${monthLabel(r.end_date)}在${where}任${r.post}，离开未满${r.years}年`
      : `${r.cadreName}${since ? `自${since}起` : ''}在${where}任${r.post}，未登记离任时间`;
    return conflict(r, 'past_post', message);
  });
}

async function relativeConflicts(db: Db, input: AvoidanceQuery): Promise<AvoidanceConflict[]> {
  const rows = await targets(db, input)
    .innerJoin('cadre_relative as r', 'r.cadre_id', 'c.id')
    .innerJoin('org_unit as ru', 'ru.id', 'r.unit_id')
    .where('r.is_leader', '=', true)
    .where(sql<boolean>`ru.path LIKE t.path || '%'`)
    .select(['ru.id as relativeUnitId', 'ru.name as relativeUnitName', 'r.name', 'r.relation', 'r.post'])
    .execute();
  return rows.map((r) => {
    const where = inTarget(r.relativeUnitName, r.relativeUnitId === r.unitId, r.unitName);
    const relation = relationLabel[r.relation as keyof typeof relationLabel] ?? '亲属';
    const message = `${r.cadreName}的${relation}${r.name}任${where}${r.post}`;
    return conflict(r, 'relative', message);
  });
}

/**
 * The cadre's own unit (or a unit above it) is being inspected right now: they may join no team at all,
 * so the conflict is reported against every target unit asked about.
 */
async function underInspectionConflicts(db: Db, input: AvoidanceQuery): Promise<AvoidanceConflict[]> {
  const rows = await targets(db, input)
    .innerJoin('org_unit as h', 'h.id', 'c.home_unit_id')
    .innerJoin('org_unit as iu', (join) => join.on(sql<boolean>`h.path LIKE iu.path || '%'`))
    .innerJoin('inspection as i', 'i.unit_id', 'iu.id')
    .where('i.phase', 'in', UNDER_INSPECTION_PHASES)
    .select(['h.id as homeId', 'h.name as homeName', 'iu.id as inspectedId', 'iu.name as inspectedName'])
    .distinct()
    .execute();
  return rows.map((r) =>
    conflict(
      r,
      'under_inspection',
      r.homeId === r.inspectedId
        ? `${r.cadreName}所在单位${r.homeName}正在接受巡察`
        : `${r.cadreName}所在单位${r.homeName}隶属的${r.inspectedName}正在接受巡察`,
    ),
  );
}

async function crossAreaConflicts(db: Db, input: AvoidanceQuery): Promise<AvoidanceConflict[]> {
  const rows = await targets(db, input)
    .innerJoin('org_unit as h', 'h.id', 'c.home_unit_id')
    .innerJoin('committee as k', 'k.id', 't.committee_id')
    .whereRef('h.committee_id', '=', 't.committee_id')
    .select(['h.name as homeName', 'k.name as committeeName'])
    .execute();
  return rows.map((r) =>
    conflict(
      r,
      'cross_area',
      `${r.cadreName}所在单位${r.homeName}与被巡察单位${r.unitName}同属${r.committeeName}，交叉巡察应由其他地区干部承担`,
    ),
  );
}
