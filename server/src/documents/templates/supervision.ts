// 督办通知单: the office's order to a unit to answer, by a date, on a rectification matter it is slow on.
import type { OfficialDocumentSpec } from '../docx/layout.ts';
import { chineseDate } from '../docx/parts.ts';
import { officeName } from './handover-clue.ts';

export interface SupervisionNoticeInput {
  committeeName: string;
  /** 督办〔2026〕3号 */
  code: string;
  unitName: string;
  reasonLabel: string;
  taskTitle: string | null;
  content: string;
  responseDue: string;
  issuedOn: string;
}

export function supervisionNotice(input: SupervisionNoticeInput): OfficialDocumentSpec {
  const office = officeName(input.committeeName);
  const subject = input.taskTitle ? `整改任务“${input.taskTitle}”` : '巡察整改工作';
  return {
    issuer: office,
    docNumber: input.code,
    // the task is named in the body: its title in the 公文 title would break mid-word
    title: `关于对${input.unitName}\n巡察整改工作进行督办的通知`,
    recipients: [input.unitName],
    body: [
      {
        kind: 'paragraph',
        text: `经查，你单位${subject}存在${input.reasonLabel}的情况。根据巡察整改工作有关规定，现予以督办。`,
      },
      { kind: 'heading1', text: '一、督办事项' },
      { kind: 'paragraph', text: input.content },
      { kind: 'heading1', text: '二、答复要求' },
      {
        kind: 'paragraph',
        text: `请你单位主要负责人切实履行第一责任人职责，于${chineseDate(input.responseDue)}前将整改落实情况书面答复巡察办。逾期未答复的，将提请巡察工作领导小组提级督办。`,
      },
    ],
    signature: office,
    date: input.issuedOn,
  };
}
