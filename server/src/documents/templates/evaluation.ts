// 整改评估报告: 巡察办's 综合评估 of a unit's rectification, with the figures from the three lists and,
// when 不合格, the 补课 deadline.
import type { OfficialDocumentSpec } from '../docx/layout.ts';
import { chineseDate } from '../docx/parts.ts';
import { officeName } from './handover-clue.ts';

export interface EvaluationReportInput {
  committeeName: string;
  unitName: string;
  roundName: string;
  feedbackDate: string;
  findings: number;
  tasksTotal: number;
  tasksClosed: number;
  tasksOverdue: number;
  resultLabel: string;
  comment: string;
  remedialDue: string | null;
  evaluatedOn: string;
}

export function evaluationReport(input: EvaluationReportInput): OfficialDocumentSpec {
  const office = officeName(input.committeeName);
  const rate = input.tasksTotal === 0 ? 0 : Math.round((input.tasksClosed / input.tasksTotal) * 100);
  const body: OfficialDocumentSpec['body'] = [
    {
      kind: 'paragraph',
      text: `根据巡察工作有关规定，${office}对${input.unitName}落实${input.roundName}反馈意见整改情况进行了综合评估。现将评估情况报告如下。`,
    },
    { kind: 'heading1', text: '一、整改基本情况' },
    {
      kind: 'paragraph',
      text:
        `${chineseDate(input.feedbackDate)}巡察组向${input.unitName}反馈意见，共反馈问题 ${input.findings} 个，` +
        `细化整改任务 ${input.tasksTotal} 项，已对账销号 ${input.tasksClosed} 项，整改完成率 ${rate}%` +
        (input.tasksOverdue > 0 ? `，逾期未完成 ${input.tasksOverdue} 项。` : '。'),
    },
    { kind: 'heading1', text: '二、评估意见' },
    { kind: 'paragraph', text: input.comment },
    { kind: 'heading1', text: '三、评估结论' },
    { kind: 'paragraph', text: `经综合评估，${input.unitName}巡察整改评估结论为“${input.resultLabel}”。` },
  ];
  if (input.remedialDue)
    body.push({
      kind: 'paragraph',
      text: `请${input.unitName}针对评估指出的问题开展“补课”，于${chineseDate(input.remedialDue)}前完成并报送补课整改情况，届时重新评估。`,
    });
  return {
    issuer: office,
    title: `关于${input.unitName}巡察整改情况的评估报告`,
    recipients: [`${input.committeeName}巡察工作领导小组`],
    body,
    signature: office,
    date: input.evaluatedOn,
  };
}
