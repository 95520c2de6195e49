// What each inspection type implies about its target (DOMAIN.md §3): 提级 reaches into a lower
// committee, 交叉 may, 村(居) targets a village or community, 回头看 revisits an earlier inspection of the
// same unit whose rectification is under way. Every refusal is a Chinese reason on the field.
import type { FieldError, InspectionPhase, InspectionType } from '@xuncha/contracts';
import { INSPECTION_PHASES } from '@xuncha/contracts';
import { sql } from 'kysely';
import type { Db } from '../../platform/db.ts';

/** Committees strictly below this one: a prefix of its materialised path (committee.path). */
export async function lowerCommittees(db: Db, committeeId: string): Promise<Set<string>> {
  const rows = await sql<{ id: string }>`
    SELECT c.id FROM committee c JOIN committee p ON p.id = ${committeeId}
    WHERE c.path LIKE p.path || '%' AND c.id <> p.id`.execute(db);
  return new Set(rows.rows.map((r) => r.id));
}

interface TargetUnit {
  id: string;
  name: string;
  kind: string;
  committeeId: string;
  active: boolean;
}

function targetUnits(db: Db, unitIds: string[]): Promise<TargetUnit[]> {
  return db
    .selectFrom('org_unit')
    .select(['id', 'name', 'kind', 'committee_id as committeeId', 'active'])
    .where('id', 'in', unitIds)
    .execute();
}

/**
 * Where targets of this type may come from: the same rule as `refusal` below, as a filter for the unit
 * picker (提级 lower committees only, 交叉 own or lower, the rest own; 村(居) villages only).
 */
export async function targetScope(db: Db, roundCommitteeId: string, type: InspectionType) {
  const lower =
    type === 'elevated' || type === 'cross' ? await lowerCommittees(db, roundCommitteeId) : new Set<string>();
  const committeeIds =
    type === 'elevated' ? [...lower] : type === 'cross' ? [roundCommitteeId, ...lower] : [roundCommitteeId];
  return { committeeIds, villagesOnly: type === 'village' };
}

/** Why this unit may not be a target of this type for the round's committee, or null. */
function refusal(unit: TargetUnit, type: InspectionType, roundCommittee: string, lower: Set<string>) {
  const own = unit.committeeId === roundCommittee;
  if (!unit.active) return '该单位已撤销';
  if (type === 'elevated') return lower.has(unit.committeeId) ? null : '提级巡察的对象须是下级党委管辖的单位';
  if (type === 'cross')
    return own || lower.has(unit.committeeId) ? null : '交叉巡察的对象须是本党委或下级党委管辖的单位';
  if (!own) return '被巡察单位不属于该党委';
  if (type === 'village' && unit.kind !== 'village') return '村(居)巡察的对象须是村或社区';
  return null;
}

/**
 * Checks every unit for the type; the errors name the unit when several are checked at once (一托N),
 * so the office sees every refused unit in one answer.
 */
export async function targetErrors(
  db: Db,
  input: { roundCommitteeId: string; type: InspectionType; unitIds: string[]; path: string },
): Promise<{ errors: FieldError[]; units: TargetUnit[] }> {
  const units = await targetUnits(db, input.unitIds);
  const needsLower = input.type === 'elevated' || input.type === 'cross';
  const lower = needsLower ? await lowerCommittees(db, input.roundCommitteeId) : new Set<string>();
  const batch = input.unitIds.length > 1;
  const errors: FieldError[] = [];
  for (const id of input.unitIds) {
    const unit = units.find((u) => u.id === id);
    const reason = unit ? refusal(unit, input.type, input.roundCommitteeId, lower) : '单位不存在';
    if (reason) errors.push({ path: input.path, message: batch && unit ? `${unit.name}：${reason}` : reason });
  }
  return { errors, units };
}

const RECTIFYING_INDEX = INSPECTION_PHASES.indexOf('rectifying');

/** 回头看: the earlier inspection must be of the same unit and already in 整改 or later. */
export async function previousInspectionError(
  db: Db,
  input: { previousInspectionId: string; unitId: string; startDate: string; committeeId: string },
): Promise<string | null> {
  const previous = await db
    .selectFrom('inspection')
    .select(['unit_id as unitId', 'phase', 'start_date as startDate', 'committee_id as committeeId'])
    .where('id', '=', input.previousInspectionId)
    .executeTakeFirst();
  if (!previous || previous.committeeId !== input.committeeId) return '此前的巡察不存在';
  if (previous.unitId !== input.unitId) return '“回头看”须针对同一单位此前的巡察';
  if (INSPECTION_PHASES.indexOf(previous.phase as InspectionPhase) < RECTIFYING_INDEX)
    return '此前的巡察尚未进入整改阶段，不能“回头看”';
  if (previous.startDate >= input.startDate) return '“回头看”须晚于此前的巡察';
  return null;
}
