// The suggested texts of the 巡察报告 and the 反馈意见, written from the records in the wording such
// documents use. Pure: the service loads the sources. Headings follow 公文 numbering (一、 （一） 1.), one
// per line, so the .docx template can give each level its font. The team edits the result.
import { aspect, chineseNumber, type FieldworkKind, fieldworkKind } from '@xuncha/contracts';
import { chineseDate } from '../../documents/docx/parts.ts';
import { committeeShortName, teamFullName } from '../../documents/templates/announcement.ts';

export interface AssembleSources {
  committeeName: string;
  teamName: string | null;
  unitName: string;
  typeLabel: string;
  startDate: string;
  endDate: string;
  findings: { title: string; facts: string; aspect: string; areas: string[] }[];
  fieldwork: Map<string, number>;
  clueCount: number;
  goodPractices: { title: string; content: string }[];
}

/** How each kind of fieldwork is counted in a report's 基本情况. */
const FIELDWORK_PHRASE: Record<FieldworkKind, (n: number) => string> = {
  interview: (n) => `开展个别谈话${n}人次`,
  meeting: (n) => `召开座谈会${n}次`,
  document_review: (n) => `调阅资料${n}批次`,
  visit: (n) => `走访、下沉${n}次`,
  survey: (n) => `开展民主测评和问卷调查${n}次`,
  self_check: (n) => `收到问题对照自查材料${n}份`,
  petition: (n) => `受理来信来访${n}件`,
};

const heading1 = (n: number, text: string) => `${chineseNumber(n)}、${text}`;
const heading2 = (n: number, text: string) => `（${chineseNumber(n)}）${text}`;

function opening(s: AssembleSources, verb: string): string {
  const short = committeeShortName(s.committeeName);
  const team = teamFullName(s.committeeName, s.teamName);
  return `根据${short}巡察工作统一部署，${team}于${chineseDate(s.startDate)}至${chineseDate(s.endDate)}${verb}${s.unitName}党组织开展${s.typeLabel}。`;
}

/** The findings grouped by 四个方面 in their fixed order: （一）… then 1. title, facts. */
function findingsByAspect(s: AssembleSources, format: (title: string, facts: string) => string[]): string[] {
  const lines: string[] = [];
  let group = 0;
  for (const code of aspect.codes) {
    const items = s.findings.filter((f) => f.aspect === code);
    if (items.length === 0) continue;
    lines.push(heading2(++group, `${aspect.labels[code]}方面`));
    lines.push(...items.flatMap((f, i) => format(`${i + 1}. ${f.title}`, f.facts)));
  }
  return lines.length ? lines : ['（尚未登记问题）'];
}

function fieldworkSentence(s: AssembleSources): string {
  const parts = fieldworkKind.codes
    .filter((kind) => (s.fieldwork.get(kind) ?? 0) > 0)
    .map((kind) => FIELDWORK_PHRASE[kind](s.fieldwork.get(kind) ?? 0));
  const done = parts.length ? `巡察期间，巡察组${parts.join('，')}` : '巡察期间，巡察组深入了解情况';
  return `${done}，共发现问题${s.findings.length}个、问题线索${s.clueCount}件。`;
}

function handoverSuggestions(s: AssembleSources): string[] {
  const short = committeeShortName(s.committeeName);
  // 区委 → 区纪委监委 (the same level's discipline body), 区委组织部
  const level = short.replace(/委$/, '');
  const cadre = s.findings.filter((f) => f.areas.includes('cadre_selection')).length;
  const lines = [
    s.clueCount > 0
      ? `巡察中发现问题线索${s.clueCount}件，建议移交${level}纪委监委依规依纪依法处理。`
      : '巡察中未发现需要移交纪检监察机关的问题线索。',
  ];
  if (cadre > 0) lines.push(`发现选人用人方面问题${cadre}个，建议移交${short}组织部处理。`);
  lines.push('其他问题建议按职责移交有关主管部门处理。');
  return lines;
}

/** 巡察报告: 基本情况, 主要问题, 经验做法, 意见建议 (for the team to write), 移交建议. */
export function assembleReport(s: AssembleSources): string {
  const aspectsFound = aspect.codes.filter((code) => s.findings.some((f) => f.aspect === code));
  const practices = s.goodPractices.length
    ? s.goodPractices.flatMap((g, i) => [`${i + 1}. ${g.title}`, g.content])
    : ['（巡察组补充）'];
  const suggestions = aspectsFound.length
    ? aspectsFound.map((code, i) => heading2(i + 1, `针对${aspect.labels[code]}方面的问题：（巡察组填写意见建议）`))
    : ['（巡察组填写意见建议）'];
  return [
    heading1(1, '基本情况'),
    opening(s, '对'),
    fieldworkSentence(s),
    heading1(2, '发现的主要问题'),
    ...findingsByAspect(s, (title, facts) => [title, facts]),
    heading1(3, '经验做法'),
    ...practices,
    heading1(4, '意见建议'),
    ...suggestions,
    heading1(5, '问题线索和移交建议'),
    ...handoverSuggestions(s),
  ].join('\n');
}

/** Rectification clocks the feedback states in words (DOMAIN.md §6); issue 6 makes them configurable. */
const PLAN_WORKING_DAYS = 15;
const CONCENTRATED_MONTHS = 2;

/** 反馈意见: 直指问题 — the findings by 四个方面 — then 整改要求 with the deadlines in words. */
export function assembleFeedback(s: AssembleSources): string {
  const short = committeeShortName(s.committeeName);
  const days = `${chineseNumber(PLAN_WORKING_DAYS)}个工作日`;
  // 两个月, not 二个月: a count before a measure word
  const months = `${CONCENTRATED_MONTHS === 2 ? '两' : chineseNumber(CONCENTRATED_MONTHS)}个月`;
  return [
    `${opening(s, '对')}现将巡察发现的主要问题和整改要求反馈如下：`,
    heading1(1, '巡察发现的主要问题'),
    ...findingsByAspect(s, (title, facts) => [`${title}。${facts}`]),
    heading1(2, '整改要求'),
    heading2(1, '切实担负起整改主体责任。'),
    `${s.unitName}党组织要把巡察整改作为重大政治任务，主要负责人履行第一责任人责任，对反馈的问题逐条研究、逐项整改，做到件件有着落、事事有回音。`,
    heading2(2, '按时限完成整改。'),
    `收到反馈意见后${days}内制定整改方案，报送${short}巡察工作领导小组办公室；集中整改期为${months}，集中整改结束后${days}内报送整改情况报告。`,
    heading2(3, '建立健全长效机制。'),
    '坚持举一反三、标本兼治，对巡察发现的共性问题和深层次问题，从制度机制上查找原因，堵塞漏洞。',
    heading2(4, '认真办理移交事项。'),
    '对巡察移交的问题线索、选人用人等问题，配合有关部门按规定办理，并及时报告办理结果。',
  ].join('\n');
}
