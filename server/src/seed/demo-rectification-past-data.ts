// Texts of the district's earlier rectification cases (demo-rectification-past.ts): the 整改方案 written from the
// case's own findings and tasks, the office's review, the reports, the evaluation and the 见底清零 comment.
import { COMMON_FINDINGS, type FindingTemplate, SPECIFIC_FINDINGS } from './demo-finished-round-data.ts';

const byTitle = (templates: FindingTemplate[], start: string) =>
  templates.find((t) => t.title.startsWith(start)) as FindingTemplate;

/**
 * Findings for the coverage rounds' inspections (demo-planning.ts writes them without any): a department gets
 * problems of the regular rounds, a village those of 村(居)巡察. No 选人用人 template: it would need a handover.
 */
export const PAST_FINDINGS: Record<'unit' | 'village', FindingTemplate[]> = {
  unit: [
    byTitle(SPECIFIC_FINDINGS, '党组（党委）落实全面从严治党主体责任不到位'),
    ...COMMON_FINDINGS.filter((t) => !t.areas.includes('welfare_funds')),
    ...SPECIFIC_FINDINGS.filter((t) => t.areas.some((a) => ['bidding', 'ideology', 'work_style'].includes(a))),
  ],
  village: [
    ...SPECIFIC_FINDINGS.filter((t) => t.areas.some((a) => ['village_assets', 'grassroots_party'].includes(a))),
    ...COMMON_FINDINGS.filter((t) => t.areas.includes('welfare_funds')),
  ],
};

export interface PlanFinding {
  seq: number;
  title: string;
  tasks: { title: string; department: string; dueDate: string }[];
}

/** The plan's text: the case's own findings, each with its tasks, departments and deadlines. */
export function planText(
  unitName: string,
  village: boolean,
  teamName: string,
  liaison: string,
  findings: PlanFinding[],
) {
  const party = village ? '党支部' : '党组（党委）';
  const numbers = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  const tasks = findings.map(
    (f, i) =>
      `（${numbers[i] ?? i + 1}）${f.title}：${f.tasks
        .map((t) => `${t.title}（${t.department}负责，${t.dueDate} 前完成）`)
        .join('；')}。`,
  );
  return `中共${unitName}${party}关于落实${teamName}反馈意见的整改方案

一、总体要求
坚持把巡察整改作为重大政治任务，对照反馈意见逐条建立问题清单、任务清单、责任清单，做到问题不查清不放过、
整改不到位不放过、责任不落实不放过。

二、组织领导
成立由主要负责人任组长的巡察整改工作领导小组，整改联络员${liaison}负责日常调度，每月向区委巡察办报送整改进展。

三、整改任务（共 ${findings.length} 个问题，详见三张清单）
${tasks.join('\n')}

四、保障措施
严格对账销号，整改材料经分管领导审核后报送；对敷衍整改、虚假整改的严肃问责。`;
}

export const PAST_RETURN_REVIEW = {
  completeness: { ok: true, comment: '反馈问题均已列入。' },
  pertinence: { ok: true, comment: '措施与问题对应。' },
  feasibility: { ok: false, comment: '未明确各项任务的责任部门和完成时限。' },
};
export const PAST_RETURN_REASONS = '整改任务缺少责任部门和完成时限，请按三张清单要求逐项明确后重新报送（退回重来）。';
export const PAST_APPROVE_REVIEW = {
  completeness: { ok: true, comment: '反馈问题全覆盖，每个问题均有整改任务。' },
  pertinence: { ok: true, comment: '措施针对问题成因，有建章立制安排。' },
  feasibility: { ok: true, comment: '责任领导、责任部门和完成时限明确。' },
};
export const PAST_APPROVE_COMMENT = '同意该整改方案，请严格按照三张清单抓好落实，按月报送整改进展。';

export const progressReport = (unitName: string, done: number, total: number) => ({
  title: `${unitName}巡察整改工作进展情况报告（月报）`,
  content: `一、整改总体进展：反馈问题已全部分解为 ${total} 项整改任务，已对账销号 ${done} 项。
二、下一步工作：对照时限推进未完成任务，确保集中整改期内全部完成。`,
});

export const rectificationReport = (unitName: string, findings: number, tasks: number) => ({
  title: `中共${unitName}关于巡察集中整改情况的报告`,
  content: `巡察组反馈的 ${findings} 个问题已全部整改到位，${tasks} 项整改任务全部对账销号；修订完善制度 ${Math.max(1, findings - 1)} 项，
建立长效机制，巩固整改成果。`,
});

export const dutyReport = (unitName: string) => ({
  title: `${unitName}主要负责人组织落实巡察整改工作履职情况报告`,
  content: '本人作为整改第一责任人，主持召开整改专题会议，逐项审定整改措施，带头认领整改任务，督促对账销号。',
});

export const EVALUATION_COMMENT = {
  pass: '反馈问题全部整改到位，佐证材料齐全，建章立制有效，整改成效经得起检验，评估为合格。',
  basic_pass: '反馈问题已基本整改到位，个别长效机制仍需巩固，评估为基本合格，请持续抓好落实。',
} as const;

export const SIGN_OFF_COMMENT = '经核查，反馈问题已全部整改销号，移交事项均有办理结果，同意见底清零。';

export const VERIFY_REASON = '整改措施已落实，佐证材料核对无误，同意销号。';
