// What a reader of a clue may do with it now: permission in a covering grant × the clue's status. Pure.
// Only called for rows that already passed clueContentWhere: these abilities are never computed for
// someone who may not read the clue.
import type { ClueAbilities, ClueEvent, ClueStatus, InspectionPhase } from '@xuncha/contracts';
import { can, type ScopedRecord } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { nextClueStatus } from './clue.status.ts';

export interface ClueState {
  committeeId: string;
  inspectionId: string;
  status: string;
  hasWhistleblower: boolean;
}

/** Unit-scoped grants never cover a clue (unitPath null): the inspected unit reads nothing of it. */
export function clueScope(row: Pick<ClueState, 'committeeId' | 'inspectionId'>): ScopedRecord {
  return { committeeId: row.committeeId, unitPath: null, inspectionId: row.inspectionId, ownerUserId: null };
}

/** The team registers clues while it is on site and writing its report (进驻, 了解情况, 报告). */
const REGISTERING_PHASES: ReadonlySet<InspectionPhase> = new Set(['stationed', 'investigating', 'reporting']);
export const acceptsClues = (phase: InspectionPhase) => REGISTERING_PHASES.has(phase);

function mayMove(user: SessionUser, row: ClueState, event: ClueEvent): boolean {
  return nextClueStatus(row.status as ClueStatus, event) !== undefined && can(user, 'clue.update', clueScope(row));
}

export function clueAbilities(user: SessionUser, row: ClueState): ClueAbilities {
  const scope = clueScope(row);
  return {
    verify: mayMove(user, row, 'verify'),
    shelve: mayMove(user, row, 'shelve'),
    reopen: mayMove(user, row, 'reopen'),
    grant: can(user, 'clue.grant', scope),
    revealWhistleblower: row.hasWhistleblower && can(user, 'clue.reveal_whistleblower', scope),
    handOver:
      nextClueStatus(row.status as ClueStatus, 'hand_over') !== undefined && can(user, 'handover.create', scope),
  };
}
