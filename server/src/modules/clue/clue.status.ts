// Clue states as a transition table. verify/shelve/reopen are the team's own steps; the others are
// sent only by the clue's handover (handover.service.ts), so a clue's status always mirrors it.
import type { ClueEvent, ClueStatus } from '@xuncha/contracts';

export const clueTransitions = {
  registered: { verify: 'preliminary', shelve: 'shelved', hand_over: 'handed_over' },
  preliminary: { shelve: 'shelved', hand_over: 'handed_over' },
  shelved: { reopen: 'preliminary' },
  handed_over: { accept: 'accepted', decline: 'preliminary' },
  accepted: { handle: 'handling', conclude: 'concluded' },
  handling: { conclude: 'concluded' },
  // the office found the reported result incomplete (要求补充): back to handling
  concluded: { handle: 'handling' },
} as const satisfies Record<ClueStatus, Partial<Record<ClueEvent, ClueStatus>>>;

export function nextClueStatus(from: ClueStatus, event: ClueEvent): ClueStatus | undefined {
  return (clueTransitions[from] as Partial<Record<ClueEvent, ClueStatus>>)[event];
}

/** Events a team may send directly; the rest belong to the handover. */
export const TEAM_CLUE_EVENTS: ReadonlySet<ClueEvent> = new Set(['verify', 'shelve', 'reopen']);

/** Statuses of a clue that has gone to 纪委监委 (移交 and after): "已移交 M 件" on the count card. */
export const CLUE_STATUSES_HANDED_OVER: ReadonlySet<ClueStatus> = new Set([
  'handed_over',
  'accepted',
  'handling',
  'concluded',
]);
