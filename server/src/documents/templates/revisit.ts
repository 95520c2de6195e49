// 回访报告: what the office found when it went back to a unit after its rectification, task by task.
import type { OfficialDocumentSpec } from '../docx/layout.ts';
import { chineseDate } from '../docx/parts.ts';
import { officeName } from './handover-clue.ts';

export interface RevisitReportInput {
  committeeName: string;
  unitName: string;
  kindLabel: string;
  conductedOn: string | null;
  plannedOn: string;
  summary: string | null;
  outcomes: { taskTitle: string; outcomeLabel: string; note: string | null; handling: string | null }[];
  date: string;
}

function opening(input: RevisitReportInput): string {
  const subject = `${input.unitName}巡察整改情况开展${input.kindLabel}`;
  if (!input.conductedOn)
    return `巡察办计划于${chineseDate(input.plannedOn)}对${subject}，${input.kindLabel}尚未开展，以下情况待${input.kindLabel}后填写。`;
  const stable = input.outcomes.filter((o) => o.handling === null).length;
  return (
    `${chineseDate(input.conductedOn)}，巡察办对${subject}，共核查整改任务${input.outcomes.length}项，` +
    `其中整改成果稳固${stable}项，反弹回潮${input.outcomes.length - stable}项。现将有关情况报告如下。`
  );
}

export function revisitReport(input: RevisitReportInput): OfficialDocumentSpec {
  const office = officeName(input.committeeName);
  const outcomes = input.outcomes.map((o, i) => ({
    kind: 'paragraph' as const,
    text: `${i + 1}. ${o.taskTitle}：${o.outcomeLabel}。${o.note ?? ''}${o.handling ? `（${o.handling}）` : ''}`,
  }));
  return {
    issuer: office,
    title: `关于对${input.unitName}\n巡察整改情况开展${input.kindLabel}的报告`,
    recipients: [`${input.committeeName}巡察工作领导小组`],
    body: [
      { kind: 'paragraph', text: opening(input) },
      { kind: 'heading1', text: `一、${input.kindLabel}总体情况` },
      { kind: 'paragraph', text: input.summary ?? '（尚未记录）' },
      { kind: 'heading1', text: '二、逐项核查情况' },
      ...(outcomes.length ? outcomes : [{ kind: 'paragraph' as const, text: '（尚未记录）' }]),
    ],
    signature: office,
    date: input.date,
  };
}
