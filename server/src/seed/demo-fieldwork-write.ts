// Builds the rows of issue 5's tables (fieldwork, clues, reports, meetings, handovers, good practices; and
// findings and tasks for the district's finished round) in
// memory and writes them table by table in multi-row inserts, so that the district's hundreds of rows cost
// a few statements. Statuses are walked through the real transition tables (clue, report, handover), so a
// seeded history is one the services could have produced. Sensitive text is sealed exactly as the services
// seal it (fieldwork.content.ts, clue.content.ts).
import { randomUUID } from 'node:crypto';
import type { ClueEvent, ClueStatus, ReportEvent, ReportStatus } from '@xuncha/contracts';
import type { Insertable } from 'kysely';
import type { ClueContent, WhistleblowerIdentity } from '../modules/clue/clue.content.ts';
import { nextClueStatus } from '../modules/clue/clue.status.ts';
import type { Petitioner } from '../modules/fieldwork/fieldwork.content.ts';
import { nextReportStatus } from '../modules/report/report.status.ts';
import { type Keyring, seal, sealJson } from '../platform/crypto/sealed.ts';
import type { Tx } from '../platform/db.ts';
import type { DB } from '../platform/schema.ts';

const TABLES = [
  'finding',
  'task',
  'task_event',
  'fieldwork_record',
  'clue',
  'clue_event',
  'good_practice',
  'meeting',
  'meeting_decision',
  'report',
  'report_version',
  'report_event',
  'handover',
  'handover_event',
  'handover_person',
] as const;
type Table = (typeof TABLES)[number];
export type SeedRows = { [T in Table]: Insertable<DB[T]>[] };

/** Where rows belong: the inspection, its unit and committee. */
export interface SeedPlace {
  committeeId: string;
  inspectionId: string;
  unitId: string;
}

export function emptyRows(): SeedRows {
  return Object.fromEntries(TABLES.map((t) => [t, []])) as unknown as SeedRows;
}

/** A moment on a day of the demo calendar (10:00 in Shanghai). */
export const at = (date: string) => `${date}T02:00:00Z`;

export interface RecordSeed {
  seq: number;
  kind: string;
  title: string;
  occurredOn: string;
  startTime?: string;
  place?: string;
  sensitive: boolean;
  summary: string;
  details: Record<string, unknown>;
  petitioner?: Petitioner;
  createdBy: string;
}

export function addRecord(rows: SeedRows, keyring: Keyring, place: SeedPlace, r: RecordSeed): string {
  const id = randomUUID();
  rows.fieldwork_record.push({
    id,
    committee_id: place.committeeId,
    inspection_id: place.inspectionId,
    unit_id: place.unitId,
    seq: r.seq,
    kind: r.kind,
    title: r.title,
    occurred_on: r.occurredOn,
    start_time: r.startTime ?? null,
    place: r.place ?? null,
    sensitive: r.sensitive,
    summary: r.sensitive ? null : r.summary,
    summary_sealed: r.sensitive ? seal(keyring, r.summary) : null,
    identity_sealed: r.petitioner ? sealJson(keyring, r.petitioner) : null,
    details: JSON.stringify(r.details),
    created_by: r.createdBy,
    created_at: at(r.occurredOn),
    updated_at: at(r.occurredOn),
  });
  return id;
}

export interface Step<E> {
  event: E;
  on: string;
  by: string;
  note?: string;
}

export interface ClueSeed {
  seq: number;
  category: string;
  source: string;
  receivedOn: string;
  sourceRecordId?: string;
  content: ClueContent;
  whistleblower?: WhistleblowerIdentity;
  registeredBy: string;
  /** the team's own steps (verify, shelve …); a handover adds the rest */
  steps: Step<ClueEvent>[];
}

export function clueStep(rows: SeedRows, clueId: string, from: ClueStatus, step: Step<ClueEvent>): ClueStatus {
  const to = nextClueStatus(from, step.event);
  if (!to) throw new Error(`demo clue: ${step.event} is not allowed from ${from}`);
  rows.clue_event.push({
    clue_id: clueId,
    event: step.event,
    from_status: from,
    to_status: to,
    actor_id: step.by,
    reason: step.note ?? null,
    at: at(step.on),
  });
  return to;
}

export function addClue(rows: SeedRows, keyring: Keyring, place: SeedPlace, c: ClueSeed): string {
  const id = randomUUID();
  let status: ClueStatus = 'registered';
  for (const step of c.steps) status = clueStep(rows, id, status, step);
  rows.clue.push({
    id,
    committee_id: place.committeeId,
    inspection_id: place.inspectionId,
    unit_id: place.unitId,
    seq: c.seq,
    category: c.category,
    source: c.source,
    status,
    received_on: c.receivedOn,
    source_record_id: c.sourceRecordId ?? null,
    content_sealed: sealJson(keyring, c.content),
    whistleblower_sealed: c.whistleblower ? sealJson(keyring, c.whistleblower) : null,
    registered_by: c.registeredBy,
    created_at: at(c.receivedOn),
    updated_at: at(c.steps.at(-1)?.on ?? c.receivedOn),
  });
  return id;
}

export interface ReportSeed {
  kind: 'report' | 'feedback';
  versions: { content: string; note?: string; on: string; by: string }[];
  /** submit/return/approve, each after the version it concerns */
  steps: (Step<ReportEvent> & { version: number; decisionId?: string })[];
}

export function addReport(rows: SeedRows, inspectionId: string, r: ReportSeed): string {
  const id = randomUUID();
  let status: ReportStatus = 'draft';
  for (const step of r.steps) {
    const to = nextReportStatus(status, step.event);
    if (!to) throw new Error(`demo report: ${step.event} is not allowed from ${status}`);
    rows.report_event.push({
      report_id: id,
      event: step.event,
      from_status: status,
      to_status: to,
      version: step.version,
      actor_id: step.by,
      comment: step.note ?? null,
      decision_id: step.decisionId ?? null,
      at: at(step.on),
    });
    status = to;
  }
  const submitted = r.steps.findLast((s) => s.event === 'submit');
  const decided = r.steps.findLast((s) => s.event !== 'submit');
  rows.report.push({
    id,
    inspection_id: inspectionId,
    kind: r.kind,
    status,
    current_version: r.versions.length,
    submitted_at: submitted ? at(submitted.on) : null,
    submitted_by: submitted?.by ?? null,
    decided_at: decided ? at(decided.on) : null,
    decided_by: decided?.by ?? null,
    decision_comment: decided?.note ?? null,
    decision_id: decided?.decisionId ?? null,
    created_at: at(r.versions[0]?.on ?? r.steps[0]?.on ?? '2000-01-01'),
    updated_at: at(r.steps.at(-1)?.on ?? r.versions.at(-1)?.on ?? '2000-01-01'),
  });
  for (const [i, v] of r.versions.entries()) {
    rows.report_version.push({
      report_id: id,
      version: i + 1,
      content: v.content,
      note: v.note ?? null,
      author_id: v.by,
      created_at: at(v.on),
    });
  }
  return id;
}

export interface MeetingSeed {
  committeeId: string;
  kind: string;
  title: string;
  heldOn: string;
  place: string;
  host: string;
  attendees: string[];
  recorder: string;
  summary: string;
  createdBy: string;
  decisions: { kind: string; inspectionId?: string; content: string }[];
}

/** Returns the decision ids in the order given. */
export function addMeeting(rows: SeedRows, m: MeetingSeed): string[] {
  const id = randomUUID();
  rows.meeting.push({
    id,
    committee_id: m.committeeId,
    kind: m.kind,
    title: m.title,
    held_on: m.heldOn,
    place: m.place,
    host: m.host,
    attendees: m.attendees,
    recorder: m.recorder,
    summary: m.summary,
    created_by: m.createdBy,
    created_at: at(m.heldOn),
  });
  return m.decisions.map((d, i) => {
    const decisionId = randomUUID();
    rows.meeting_decision.push({
      id: decisionId,
      meeting_id: id,
      seq: i + 1,
      kind: d.kind,
      inspection_id: d.inspectionId ?? null,
      content: d.content,
    });
    return decisionId;
  });
}

export function addGoodPractice(
  rows: SeedRows,
  place: SeedPlace,
  g: { title: string; content: string; areas: string[]; promote: boolean; createdBy: string; on: string },
): string {
  const id = randomUUID();
  rows.good_practice.push({
    id,
    committee_id: place.committeeId,
    inspection_id: place.inspectionId,
    unit_id: place.unitId,
    title: g.title,
    content: g.content,
    areas: g.areas,
    promote: g.promote,
    created_by: g.createdBy,
    created_at: at(g.on),
  });
  return id;
}

/** Writes every table in dependency order, a few hundred rows per statement. */
export async function flushRows(tx: Tx, rows: SeedRows): Promise<void> {
  for (const table of TABLES) {
    const all = rows[table];
    for (let i = 0; i < all.length; i += 300) {
      // each table's rows match its own Insertable type; the loop over table names cannot say so
      await tx
        .insertInto(table)
        .values(all.slice(i, i + 300) as never)
        .execute();
    }
  }
}
