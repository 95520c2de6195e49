// 问题线索移交函: the 巡察办 hands a clue to 纪委监委 with its content, asks for the disposition by the due
// date, and reminds the recipient to keep it confidential. Only generated for the clue's need-to-know readers.
import type { OfficialDocumentSpec } from '../docx/layout.ts';
import { chineseDate } from '../docx/parts.ts';
import { committeeShortName } from './announcement.ts';

export interface HandoverLetterBase {
  /** e.g. 中共示例市城关区委 */
  committeeName: string;
  /** 发文字号: the letter number the office typed, or the handover code 移交〔2026〕7号 */
  docNumber: string;
  recipientName: string;
  unitName: string;
  roundName: string;
  /** 经…会议研究同意: the decision that approved the handover, if recorded */
  decision: string | null;
  dueDate: string;
  sentOn: string;
}

export interface ClueLetterInput extends HandoverLetterBase {
  clueCode: string;
  categoryLabel: string;
  subjectName: string;
  subjectPost: string;
  allegation: string;
  evidence: string | null;
}

export const officeName = (committeeName: string) => `${committeeName}巡察工作领导小组办公室`;

/** The opening sentence both letters share. */
export function handoverOpening(input: HandoverLetterBase, what: string): string {
  const short = committeeShortName(input.committeeName);
  const approved = input.decision ? `经${input.decision}，` : '';
  return (
    `根据${short}巡察工作统一部署，${input.roundName}期间，巡察组在对${input.unitName}党组织开展巡察中发现${what}。` +
    `${approved}现按照有关规定移交你单位，请按照干部管理权限和有关规定办理，并于${chineseDate(input.dueDate)}前` +
    `将办理结果书面反馈${short}巡察办。`
  );
}

export function clueLetter(input: ClueLetterInput): OfficialDocumentSpec {
  const office = officeName(input.committeeName);
  return {
    issuer: office,
    docNumber: input.docNumber,
    secrecy: '秘密',
    title: `关于移交${input.unitName}有关问题线索的函`,
    recipients: [input.recipientName],
    body: [
      { kind: 'paragraph', text: handoverOpening(input, '以下问题线索') },
      {
        kind: 'list',
        items: [
          `线索编号：${input.clueCode}`,
          `问题类别：${input.categoryLabel}`,
          `被反映人：${input.subjectName}（${input.subjectPost}）`,
          `反映问题：${input.allegation}`,
          ...(input.evidence ? [`相关证据：${input.evidence}`] : []),
        ],
      },
      {
        kind: 'paragraph',
        text: '本线索属于秘密事项，请严格控制知悉范围，妥善保管，不得泄露反映人信息，不得向被反映人及其所在单位透露。',
      },
    ],
    signature: office,
    date: input.sentOn,
  };
}
