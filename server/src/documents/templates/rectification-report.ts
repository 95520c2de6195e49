// 整改情况报告 (template for the unit): prefilled from the three lists (问题、任务、责任) so the unit
// writes only what the lists cannot say. Enter once, reuse everywhere (DOMAIN.md §11).
import type { OfficialDocumentSpec } from '../docx/layout.ts';
import { chineseDate } from '../docx/parts.ts';

export interface TemplateTask {
  title: string;
  measures: string;
  leader: string;
  department: string;
  dueDate: string;
  statusLabel: string;
}

export interface TemplateFinding {
  title: string;
  tasks: TemplateTask[];
}

export interface RectificationReportTemplateInput {
  committeeName: string;
  unitName: string;
  roundName: string;
  /** e.g. 区委第一巡察组 */
  teamName: string | null;
  feedbackDate: string;
  findings: TemplateFinding[];
  today: string;
}

const FILL_IN = '（请在此填写。）';
const ORDINALS = '一二三四五六七八九十';
const ordinal = (i: number) => (i < 10 ? ORDINALS[i] : String(i + 1));
/** Typed text may already end a sentence: 整改措施 "…汇报。" must not print as "…汇报。。". */
const clause = (text: string) => text.trim().replace(/[。；;.，,]+$/, '');

export function rectificationReportTemplate(input: RectificationReportTemplateInput): OfficialDocumentSpec {
  const body: OfficialDocumentSpec['body'] = [
    {
      kind: 'paragraph',
      text: `${chineseDate(input.feedbackDate)}，${input.teamName ?? '巡察组'}向我单位反馈了${input.roundName}意见，共指出问题 ${input.findings.length} 个。现将整改落实情况报告如下。`,
    },
    { kind: 'heading1', text: '一、提高政治站位，加强整改组织领导' },
    { kind: 'paragraph', text: FILL_IN },
    { kind: 'heading1', text: '二、反馈问题整改落实情况' },
  ];
  input.findings.forEach((finding, i) => {
    body.push({ kind: 'heading2', text: `（${ordinal(i)}）${finding.title}` });
    if (finding.tasks.length === 0) body.push({ kind: 'paragraph', text: `整改任务尚未分解。${FILL_IN}` });
    else
      body.push({
        kind: 'list',
        items: finding.tasks.map(
          (t) =>
            `${clause(t.title)}。整改措施：${clause(t.measures)}。责任领导：${t.leader}；责任部门：${t.department}；完成时限：${chineseDate(t.dueDate)}；目前状态：${t.statusLabel}。`,
        ),
      });
    body.push({ kind: 'paragraph', text: `整改成效：${FILL_IN}` });
  });
  body.push(
    { kind: 'heading1', text: '三、建章立制和长效机制建设情况' },
    { kind: 'paragraph', text: FILL_IN },
    { kind: 'heading1', text: '四、下一步工作打算' },
    { kind: 'paragraph', text: FILL_IN },
  );
  return {
    issuer: input.unitName,
    title: `关于${input.roundName}\n反馈意见整改情况的报告`,
    recipients: [`${input.committeeName}巡察工作领导小组`],
    body,
    signature: input.unitName,
    date: input.today,
  };
}
