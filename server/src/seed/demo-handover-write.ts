// Handover rows for the demo (see demo-fieldwork-write.ts): the steps walk handover.status.ts, and a clue
// handover moves its clue through clueEventOf, as handover-step.service.ts does.
import { randomUUID } from 'node:crypto';
import type { ClueStatus, Disposition, HandoverEvent, HandoverStatus } from '@xuncha/contracts';
import { clueEventOf, nextHandoverStatus } from '../modules/handover/handover.status.ts';
import { type Keyring, sealJson } from '../platform/crypto/sealed.ts';
import { at, clueStep, type SeedPlace, type SeedRows, type Step } from './demo-fieldwork-write.ts';

/** What the recipient reported: summary, measures and persons sealed in the shape of contracts'
 * HandoverResult; only the disposition, the date and each person's form and date stay plain. */
export interface HandoverResultSeed {
  disposition: Disposition | null;
  concludedOn: string;
  summary: string;
  measures?: string;
  persons: { name: string; post: string; form: '1' | '2' | '3' | '4' | null; measure: string; decidedOn: string }[];
}

export interface HandoverSeed {
  year: number;
  seq: number;
  kind: 'clue' | 'cadre' | 'other';
  clueId?: string;
  findingId?: string;
  recipient: 'discipline' | 'organization' | 'department';
  recipientUnitId?: string;
  recipientName: string;
  sentOn: string;
  dueDate: string;
  letterNo?: string;
  decisionId?: string;
  sentBy: string;
  handlerName?: string;
  /** recipient and sender steps after sending, in order */
  steps: Step<HandoverEvent>[];
  result?: HandoverResultSeed;
}

export function addHandover(rows: SeedRows, keyring: Keyring, place: SeedPlace, h: HandoverSeed): string {
  const id = randomUUID();
  const clue = h.clueId ? rows.clue.find((c) => c.id === h.clueId) : undefined;
  let clueStatus = clue?.status as ClueStatus | undefined;
  if (clue && clueStatus) {
    clueStatus = clueStep(rows, h.clueId as string, clueStatus, { event: 'hand_over', on: h.sentOn, by: h.sentBy });
  }
  const resultSealed = h.result
    ? sealJson(keyring, { summary: h.result.summary, measures: h.result.measures ?? null, persons: h.result.persons })
    : null;
  let status: HandoverStatus = 'sent';
  const accepted = h.steps.find((s) => s.event === 'accept');
  const closed = h.steps.find((s) => s.event === 'close');
  for (const step of h.steps) {
    const to = nextHandoverStatus(status, step.event);
    if (!to) throw new Error(`demo handover: ${step.event} is not allowed from ${status}`);
    rows.handover_event.push({
      handover_id: id,
      event: step.event,
      from_status: status,
      to_status: to,
      actor_id: step.by,
      note: step.note ?? null,
      // the conclude step carries the result it reported (handover-step.service.ts does the same)
      result_sealed: step.event === 'conclude' ? resultSealed : null,
      at: at(step.on),
    });
    const clueEvent = clueEventOf(step.event, status);
    if (clue && clueStatus && clueEvent)
      clueStatus = clueStep(rows, h.clueId as string, clueStatus, { ...step, event: clueEvent });
    status = to;
  }
  if (clue && clueStatus) clue.status = clueStatus;
  rows.handover.push({
    id,
    committee_id: place.committeeId,
    inspection_id: place.inspectionId,
    unit_id: place.unitId,
    year: h.year,
    seq: h.seq,
    kind: h.kind,
    clue_id: h.clueId ?? null,
    finding_id: h.findingId ?? null,
    recipient: h.recipient,
    recipient_unit_id: h.recipientUnitId ?? null,
    recipient_name: h.recipientName,
    status,
    sent_on: h.sentOn,
    due_date: h.dueDate,
    letter_no: h.letterNo ?? null,
    decision_id: h.decisionId ?? null,
    sent_by: h.sentBy,
    accepted_on: accepted?.on ?? null,
    accepted_by: accepted?.by ?? null,
    handler_name: accepted ? (h.handlerName ?? null) : null,
    disposition: h.result?.disposition ?? null,
    result_sealed: resultSealed,
    concluded_on: h.result?.concludedOn ?? null,
    closed_on: closed?.on ?? null,
    closed_by: closed?.by ?? null,
    created_at: at(h.sentOn),
    updated_at: at(h.steps.at(-1)?.on ?? h.sentOn),
  });
  for (const [i, person] of (h.result?.persons ?? []).entries()) {
    rows.handover_person.push({ handover_id: id, seq: i + 1, form: person.form, decided_on: person.decidedOn });
  }
  return id;
}
