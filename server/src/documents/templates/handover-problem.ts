// 问题移交函: a finding handed to 组织部 (选人用人) or to the competent department, with its facts; the
// recipient reports how it was handled by the due date.
import type { OfficialDocumentSpec } from '../docx/layout.ts';
import { type HandoverLetterBase, handoverOpening, officeName } from './handover-clue.ts';

export interface ProblemLetterInput extends HandoverLetterBase {
  /** 选人用人问题 or 有关问题 */
  kindLabel: string;
  findingTitle: string;
  findingFacts: string;
}

export function problemLetter(input: ProblemLetterInput): OfficialDocumentSpec {
  const office = officeName(input.committeeName);
  return {
    issuer: office,
    docNumber: input.docNumber,
    title: `关于移交${input.unitName}${input.kindLabel}的函`,
    recipients: [input.recipientName],
    body: [
      { kind: 'paragraph', text: handoverOpening(input, `以下${input.kindLabel}`) },
      { kind: 'heading2', text: `（一）${input.findingTitle}` },
      { kind: 'paragraph', text: input.findingFacts },
    ],
    signature: office,
    date: input.sentOn,
  };
}
