// 巡察工作方案: the 巡察工作领导小组's plan for one round, sent to its teams and the inspected 党组织
// before the 动员部署会. Filled from the round (dates), its teams (members and posts) and targets (dates,
// type, the 公告's contacts); the fixed parts — guiding idea, focus, methods, discipline — are the
// wording such plans use, with the 八个严禁 the members pledged on joining.
import { PLEDGE_ITEMS, type TeamPost, teamPostLabel } from '@xuncha/contracts';
import type { Block, OfficialDocumentSpec } from '../docx/layout.ts';
import { chineseDate } from '../docx/parts.ts';
import { committeeShortName, teamFullName } from './announcement.ts';

export interface WorkPlanMember {
  name: string;
  post: TeamPost;
  /** 工作单位及职务, e.g. 区纪委监委第一纪检监察室主任 */
  position: string;
  isBranchSecretary: boolean;
}

export interface WorkPlanTarget {
  unitName: string;
  typeLabel: string;
  startDate: string;
  endDate: string;
  /** From the inspection's 巡察公告, when one has been filled in. */
  phone: string | null;
  mailbox: string | null;
}

export interface WorkPlanTeam {
  /** null for targets recorded without a team */
  name: string | null;
  members: WorkPlanMember[];
  targets: WorkPlanTarget[];
}

export interface WorkPlanInput {
  /** e.g. 中共示例市城关区委 */
  committeeName: string;
  /** e.g. 十五届区委第四轮巡察 */
  roundName: string;
  startDate: string;
  endDate: string;
  mobilisedOn: string | null;
  teams: WorkPlanTeam[];
  /** 成文日期 and 印发日期 'YYYY-MM-DD' */
  date: string;
}

const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** （一）…（十）, then （11）: a round has a handful of teams. */
const sub = (i: number) => `（${CHINESE_NUMBERS[i] ?? i + 1}）`;
/** 巡察"回头看" → 巡察“回头看”, 村(居) → 村（居）: full-width punctuation in a 公文. */
const fullWidth = (text: string) =>
  text
    .replace(/"([^"]*)"/g, '“$1”')
    .replaceAll('(', '（')
    .replaceAll(')', '）');
const period = (start: string, end: string) => `${chineseDate(start)}至${chineseDate(end)}`;

/** 区委 → 区纪委监委 / 区委组织部: the bodies a plan is copied to. */
function copyTo(short: string): string[] {
  const level = short.endsWith('委') && short.length > 1 ? short.slice(0, -1) : '';
  return level ? [`${level}纪委监委`, `${short}组织部`] : [];
}

const FOCUS = [
  '落实党的路线方针政策和党中央决策部署情况，重点了解贯彻落实上级党委重大决策部署、履行职能责任等方面的情况',
  '落实全面从严治党战略部署情况，重点了解落实主体责任和监督责任、贯彻中央八项规定精神、整治群众身边不正之风和腐败问题等方面的情况',
  '落实新时代党的组织路线情况，重点了解领导班子和干部队伍建设、基层党组织建设、选人用人等方面的情况',
  '落实巡视巡察、审计等监督发现问题整改情况，重点了解上一轮巡察反馈问题整改和成果运用情况',
];

const METHODS = [
  '听取被巡察党组织工作汇报和有关部门专题汇报',
  '与被巡察单位领导班子成员和干部职工进行个别谈话',
  '受理反映被巡察党组织领导班子及其成员和下一级党组织主要负责人问题的来信、来电、来访',
  '调阅、复制有关文件、档案、会议记录、财务账目等资料',
  '召开座谈会，列席被巡察单位有关会议',
  '开展民主测评、问卷调查',
  '深入被巡察单位下属单位和基层走访调研、个别了解',
  '指导被巡察党组织开展问题对照自查',
];

function memberLine(label: string, members: WorkPlanMember[]): Block[] {
  if (members.length === 0) return [];
  const names = members.map((m) => `${m.name}（${m.position}）`).join('，');
  return [{ kind: 'line', text: `${label}：${names}` }];
}

/** （一）区委第一巡察组 — its members by post and the units it covers. */
function teamBlocks(committeeName: string, team: WorkPlanTeam, i: number): Block[] {
  const name = team.name ? teamFullName(committeeName, team.name) : '巡察组（待组建）';
  const byPost = (post: TeamPost) => team.members.filter((m) => m.post === post);
  const secretary = team.members.find((m) => m.isBranchSecretary);
  // 一托N: one type label per group of units, not after each of a hundred villages
  const types = [...new Set(team.targets.map((t) => t.typeLabel))];
  const targets = types
    .map((type) => {
      const units = team.targets.filter((t) => t.typeLabel === type).map((t) => t.unitName);
      return `${units.join('、')}（${fullWidth(type)}）`;
    })
    .join('；');
  return [
    { kind: 'heading2', text: `${sub(i)}${name}` },
    ...memberLine(teamPostLabel.leader, byPost('leader')),
    ...memberLine(teamPostLabel.deputy_leader, byPost('deputy_leader')),
    ...memberLine('成员', byPost('member')),
    ...memberLine(teamPostLabel.liaison, byPost('liaison')),
    ...(team.members.length === 0 ? [{ kind: 'line' as const, text: '组成人员：另行确定' }] : []),
    ...(secretary ? [{ kind: 'line' as const, text: `临时党支部书记：${secretary.name}` }] : []),
    { kind: 'paragraph', text: `巡察对象：${targets || '另行确定'}。` },
  ];
}

/** 区委第一巡察组：2026年6月25日至2026年8月14日，进驻区发展和改革局; units on the same dates share a line. */
function stayLines(team: WorkPlanTeam): Block[] {
  const periods = [...new Set(team.targets.map((t) => period(t.startDate, t.endDate)))];
  return periods.map((dates) => {
    const units = team.targets.filter((t) => period(t.startDate, t.endDate) === dates).map((t) => t.unitName);
    const named = units.length > 3 ? `${units.slice(0, 3).join('、')}等${units.length}个单位` : units.join('、');
    return { kind: 'line', text: `${team.name ?? '巡察组'}：${dates}，进驻${named}` };
  });
}

function scheduleBlocks(input: WorkPlanInput, short: string): Block[] {
  const mobilised = input.mobilisedOn ? `，${chineseDate(input.mobilisedOn)}召开动员部署会` : '';
  const stays = input.teams.flatMap((team) => stayLines(team));
  return [
    { kind: 'heading1', text: '三、时间安排' },
    { kind: 'paragraph', text: `本轮巡察自${period(input.startDate, input.endDate)}，分四个阶段进行。` },
    { kind: 'heading2', text: '（一）准备阶段' },
    {
      kind: 'paragraph',
      text: `开展函询了解，收集被巡察单位有关情况，组织巡察干部学习培训${mobilised}，发布巡察公告。`,
    },
    { kind: 'heading2', text: '（二）进驻了解阶段' },
    ...(stays.length ? stays : [{ kind: 'paragraph' as const, text: '各巡察组进驻时间另行通知。' }]),
    { kind: 'heading2', text: '（三）报告阶段' },
    {
      kind: 'paragraph',
      text: `巡察组撤离后形成巡察报告，向${short}巡察工作领导小组汇报，提出问题线索和移交建议。`,
    },
    { kind: 'heading2', text: '（四）反馈移交和督促整改阶段' },
    {
      kind: 'paragraph',
      text: '按照规定向被巡察党组织反馈巡察意见，移交问题线索，督促被巡察党组织抓好整改落实。',
    },
  ];
}

function contactBlocks(teams: WorkPlanTeam[]): Block[] {
  const contacts = teams.flatMap((team) =>
    team.targets
      .filter((t) => t.phone || t.mailbox)
      .map((t) => {
        const parts = [t.phone && `值班电话${t.phone}`, t.mailbox && `邮政信箱${t.mailbox}`].filter(Boolean);
        return { kind: 'line' as const, text: `${team.name ?? '巡察组'}（${t.unitName}）：${parts.join('，')}` };
      }),
  );
  return [
    { kind: 'heading1', text: '八、联系方式' },
    ...(contacts.length
      ? contacts
      : [{ kind: 'paragraph' as const, text: '各巡察组值班电话、邮政信箱等联系方式以巡察公告为准。' }]),
  ];
}

export function workPlanDocument(input: WorkPlanInput): OfficialDocumentSpec {
  const short = committeeShortName(input.committeeName);
  const groupName = `${input.committeeName}巡察工作领导小组`;
  const body: Block[] = [
    {
      kind: 'paragraph',
      text:
        `根据《中国共产党巡视工作条例》和${short}巡察工作规划，经${short}同意，${input.roundName}定于` +
        `${period(input.startDate, input.endDate)}开展。为扎实做好本轮巡察工作，制定本方案。`,
    },
    { kind: 'heading1', text: '一、指导思想' },
    {
      kind: 'paragraph',
      text:
        '以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，深入贯彻习近平总书记关于巡视工作的' +
        '重要论述，坚持政治巡察定位，坚持问题导向，聚焦“四个落实”，发现问题、形成震慑，推动改革、促进发展，' +
        '推动全面从严治党向基层延伸。',
    },
    { kind: 'heading1', text: '二、巡察对象和组织分工' },
    {
      kind: 'paragraph',
      text: input.teams.length ? `本轮巡察派出${input.teams.length}个巡察组，分工如下。` : '巡察组组成和分工另行确定。',
    },
    ...input.teams.flatMap((team, i) => teamBlocks(input.committeeName, team, i)),
    ...scheduleBlocks(input, short),
    { kind: 'heading1', text: '四、巡察内容' },
    { kind: 'paragraph', text: '紧扣被巡察党组织职能责任，重点监督检查以下方面：' },
    { kind: 'list', items: FOCUS.map((f, i) => `${f}${i === FOCUS.length - 1 ? '。' : '；'}`) },
    { kind: 'heading1', text: '五、工作方式' },
    { kind: 'paragraph', text: '巡察组采取以下方式开展工作：' },
    { kind: 'list', items: METHODS.map((m, i) => `${m}${i === METHODS.length - 1 ? '。' : '；'}`) },
    { kind: 'heading1', text: '六、组织领导' },
    {
      kind: 'paragraph',
      text:
        `本轮巡察在${short}巡察工作领导小组领导下进行，${short}巡察办负责统筹协调和服务保障。各巡察组实行组长负责制，` +
        '组长对巡察工作负总责，副组长协助组长工作；各巡察组成立临时党支部，加强对巡察干部的教育管理监督。',
    },
    { kind: 'heading1', text: '七、巡察纪律' },
    {
      kind: 'paragraph',
      text: '巡察干部要严守政治纪律和政治规矩，严格执行巡察干部“八个严禁”：',
    },
    { kind: 'list', items: PLEDGE_ITEMS.map((p, i) => `${p}${i === PLEDGE_ITEMS.length - 1 ? '。' : '；'}`) },
    ...contactBlocks(input.teams),
  ];
  return {
    issuer: groupName,
    title: `${input.roundName}工作方案`,
    recipients: [`${short}各巡察组`, '各被巡察党组织'],
    body,
    signature: groupName,
    date: input.date,
    copyTo: copyTo(short),
    printedBy: `${short}巡察工作领导小组办公室`,
    printedOn: input.date,
  };
}
