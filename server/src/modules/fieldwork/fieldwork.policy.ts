// Who may register, change, attach to and read the notes of 了解情况 records. Pure.
// Two ways in: the team (fieldwork.create, any kind, while on site and writing the report) and the
// inspected unit (fieldwork.self_check, only 问题对照自查, only while the team is on site).
import {
  type FieldworkAbilities,
  type FieldworkKind,
  fieldworkKind,
  type InspectionPhase,
  inspectionPhaseLabel,
} from '@xuncha/contracts';
import type { z } from 'zod';
import { can, type ScopedRecord } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { AppError } from '../../platform/errors.ts';

export interface InspectionPlace extends ScopedRecord {
  phase: InspectionPhase;
}

export interface FieldworkPlace extends InspectionPlace {
  kind: FieldworkKind;
  sensitive: boolean;
  createdBy: string;
}

const TEAM_PHASES: ReadonlySet<InspectionPhase> = new Set(['stationed', 'investigating', 'reporting']);
const UNIT_PHASES: ReadonlySet<InspectionPhase> = new Set(['stationed', 'investigating']);

/** How a user takes part: as the team, as the inspected unit (self-check only), or not at all. */
export type Channel = 'team' | 'unit';

function channelOf(user: SessionUser, place: InspectionPlace): Channel | null {
  if (can(user, 'fieldwork.create', place)) return 'team';
  // unit grants only cover records the unit may see: its self-checks
  if (can(user, 'fieldwork.self_check', { ...place, visibleToUnit: true })) return 'unit';
  return null;
}

const phaseAllows = (channel: Channel, phase: InspectionPhase) =>
  (channel === 'team' ? TEAM_PHASES : UNIT_PHASES).has(phase);

export function phaseRefusal(channel: Channel, phase: InspectionPhase): string {
  const label = inspectionPhaseLabel[phase];
  return channel === 'team'
    ? `巡察当前处于“${label}”阶段，只有进驻、了解和报告阶段可以登记或修改了解情况`
    : `巡察当前处于“${label}”阶段，问题对照自查只能在进驻和了解阶段报送或修改`;
}

export type Decision = { ok: true; channel: Channel } | { ok: false; status: 403 | 409; message: string };

export function decideCreate(user: SessionUser, place: InspectionPlace, kind: FieldworkKind): Decision {
  const channel = channelOf(user, place);
  if (!channel) return { ok: false, status: 403, message: '无权为该巡察登记了解情况' };
  if (channel === 'unit' && kind !== 'self_check') {
    return { ok: false, status: 403, message: '被巡察单位只能报送问题对照自查' };
  }
  if (!phaseAllows(channel, place.phase))
    return { ok: false, status: 409, message: phaseRefusal(channel, place.phase) };
  return { ok: true, channel };
}

/** Throws the refusal (403 or 409 with its Chinese message) unless the decision allows. */
export function enforce(decision: Decision): asserts decision is Extract<Decision, { ok: true }> {
  if (!decision.ok) {
    throw new AppError(decision.status, decision.status === 403 ? 'forbidden' : 'conflict', decision.message);
  }
}

export function creatableKinds(user: SessionUser, place: InspectionPlace): FieldworkKind[] {
  const channel = channelOf(user, place);
  if (!channel || !phaseAllows(channel, place.phase)) return [];
  return channel === 'team' ? [...fieldworkKind.codes] : ['self_check'];
}

/** May open sealed text of this record: sensitive notes, and any petitioner's identity (保护群众). */
export function mayOpenSealed(user: SessionUser, record: FieldworkPlace): boolean {
  return can(user, 'fieldwork.read_sensitive', record);
}

export function mayReadContent(user: SessionUser, record: FieldworkPlace): boolean {
  return !record.sensitive || mayOpenSealed(user, record);
}

/**
 * The recorder may correct a record; so may whoever leads the inspection — the holder of report.write for
 * it (the team leader answers for the team's material in the report). Nobody overwrites notes they may
 * not read, and the unit touches only its own self-checks.
 */
export function decideChange(user: SessionUser, record: FieldworkPlace): Decision {
  const channel = channelOf(user, record);
  const own = record.createdBy === user.id;
  const allowed =
    channel === 'team'
      ? own || can(user, 'report.write', record)
      : channel === 'unit' && own && record.kind === 'self_check';
  if (!channel || !allowed || !mayReadContent(user, record)) {
    return { ok: false, status: 403, message: '只有登记人或巡察组组长可以修改该记录' };
  }
  if (!phaseAllows(channel, record.phase))
    return { ok: false, status: 409, message: phaseRefusal(channel, record.phase) };
  return { ok: true, channel };
}

export function fieldworkAbilities(user: SessionUser, record: FieldworkPlace): z.infer<typeof FieldworkAbilities> {
  const change = decideChange(user, record).ok;
  return { update: change, readContent: mayReadContent(user, record), attach: change };
}
