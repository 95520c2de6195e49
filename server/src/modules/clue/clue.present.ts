// Clue rows → API shapes. Opening the sealed content happens here, and only for rows the repository
// returned through clueContentWhere; the caller audits the reading.
import type {
  Clue,
  ClueCategoryCode,
  ClueListItem,
  ClueSourceCode,
  ClueStatus,
  Disposition,
  HandoverStatus,
  Sensitivity,
} from '@xuncha/contracts';
import type { SessionUser } from '../../access/session-user.ts';
import { type Keyring, openJson } from '../../platform/crypto/sealed.ts';
import type { ClueContent } from './clue.content.ts';
import { clueAbilities } from './clue.policy.ts';
import type { ClueRow } from './clue.repository.ts';

const EXCERPT_LENGTH = 60;

/** 线索〔2026〕3-07: the round's year and number, then the clue's number within the round. */
export function clueCode(row: Pick<ClueRow, 'roundYear' | 'roundSeq' | 'seq'>): string {
  return `线索〔${row.roundYear}〕${row.roundSeq}-${String(row.seq).padStart(2, '0')}`;
}

export function openContent(keyring: Keyring, row: Pick<ClueRow, 'contentSealed'>): ClueContent {
  return openJson<ClueContent>(keyring, row.contentSealed);
}

function handoverOf(row: ClueRow): Clue['handover'] {
  if (row.handoverId === null || row.handoverStatus === null || row.handoverRecipientName === null) return null;
  return {
    id: row.handoverId,
    status: row.handoverStatus as HandoverStatus,
    recipientName: row.handoverRecipientName,
    disposition: row.handoverDisposition as Disposition | null,
    concludedOn: row.handoverConcludedOn,
  };
}

function common(row: ClueRow, content: ClueContent, user: SessionUser) {
  return {
    id: row.id,
    code: clueCode(row),
    inspectionId: row.inspectionId,
    unitName: row.unitName,
    roundName: row.roundName,
    seq: row.seq,
    status: row.status as ClueStatus,
    category: row.category as ClueCategoryCode,
    source: row.source as ClueSourceCode,
    receivedOn: row.receivedOn,
    registeredByName: row.registeredByName,
    createdAt: row.createdAt,
    subjectName: content.subjectName,
    subjectPost: content.subjectPost,
    hasWhistleblower: row.hasWhistleblower,
    sensitivity: row.sensitivity as Sensitivity,
    sourceRecordId: row.sourceRecordId,
    handover: handoverOf(row),
    abilities: clueAbilities(user, row),
  };
}

export function presentListItem(row: ClueRow, content: ClueContent, user: SessionUser): ClueListItem {
  const excerpt =
    content.allegation.length > EXCERPT_LENGTH ? `${content.allegation.slice(0, EXCERPT_LENGTH)}…` : content.allegation;
  return { ...common(row, content, user), allegationExcerpt: excerpt };
}

export function presentClue(row: ClueRow, content: ClueContent, user: SessionUser): Clue {
  return { ...common(row, content, user), allegation: content.allegation, evidence: content.evidence };
}
