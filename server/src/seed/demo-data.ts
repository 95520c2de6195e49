// The Chinese demo world: a district committee under a city committee, its units, people of every
// role, and one round whose inspection of 区住建局 is in rectification. Dates are relative to today.
import type { RoleCode, ScopeKind, UnitKind } from '@xuncha/contracts';

export const DEMO_PASSWORD = 'Xuncha@2026';

export interface DemoUnit {
  key: string;
  name: string;
  kind: UnitKind;
  headName: string;
  parent?: string;
}

export const DEMO_UNITS: DemoUnit[] = [
  { key: 'zhujian', name: '区住房和城乡建设局', kind: 'department', headName: '吴建国' },
  { key: 'zhijianzhan', name: '区建设工程质量安全监督站', kind: 'affiliated', headName: '陈晨', parent: 'zhujian' },
  { key: 'jiaoyu', name: '区教育局', kind: 'department', headName: '陈丽' },
  { key: 'caizheng', name: '区财政局', kind: 'department', headName: '林涛' },
  { key: 'weijian', name: '区卫生健康局', kind: 'department', headName: '黄晓梅' },
  { key: 'ziran', name: '区自然资源局', kind: 'department', headName: '马骏' },
  { key: 'shichang', name: '区市场监督管理局', kind: 'department', headName: '刘洋' },
  { key: 'chengtou', name: '区城市投资发展集团有限公司', kind: 'soe', headName: '何志强' },
  { key: 'yiyuan', name: '区人民医院', kind: 'hospital', headName: '许文' },
  { key: 'yizhong', name: '区第一中学', kind: 'school', headName: '高峰' },
  { key: 'dongguan', name: '东关街道', kind: 'township', headName: '罗斌' },
  { key: 'dongguan_sq', name: '东关社区', kind: 'village', headName: '田丽', parent: 'dongguan' },
  { key: 'nanyuan_sq', name: '南园社区', kind: 'village', headName: '唐军', parent: 'dongguan' },
];

export interface DemoUser {
  username: string;
  displayName: string;
  title: string;
  /** unit key for people who belong to a unit; absent for committee staff */
  unit?: string;
  role: RoleCode;
  scopeKind: ScopeKind;
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'office', displayName: '王芳', title: '巡察办主任', role: 'office_director', scopeKind: 'committee' },
  { username: 'banshi', displayName: '刘畅', title: '巡察办工作人员', role: 'office', scopeKind: 'committee' },
  { username: 'leader', displayName: '李明', title: '巡察工作领导小组组长', role: 'leader', scopeKind: 'committee' },
  { username: 'zuzhang', displayName: '赵刚', title: '第一巡察组组长', role: 'team_leader', scopeKind: 'inspection' },
  { username: 'zuyuan', displayName: '钱进', title: '第一巡察组组员', role: 'team_member', scopeKind: 'inspection' },
  { username: 'jiwei', displayName: '孙立', title: '区纪委监委', role: 'discipline', scopeKind: 'committee' },
  { username: 'zuzhibu', displayName: '周敏', title: '区委组织部', role: 'organization', scopeKind: 'committee' },
  {
    username: 'danwei',
    displayName: '吴建国',
    title: '区住建局局长',
    unit: 'zhujian',
    role: 'unit_head',
    scopeKind: 'unit',
  },
  {
    username: 'lianluo',
    displayName: '郑洁',
    title: '区住建局整改联络员',
    unit: 'zhujian',
    role: 'unit_liaison',
    scopeKind: 'unit',
  },
  {
    username: 'zerenren',
    displayName: '冯伟',
    title: '区住建局建筑市场管理科科长',
    unit: 'zhujian',
    role: 'task_owner',
    scopeKind: 'self',
  },
  {
    username: 'zerenren2',
    displayName: '陈晨',
    title: '区质量安全监督站站长',
    unit: 'zhijianzhan',
    role: 'task_owner',
    scopeKind: 'self',
  },
  { username: 'sysadmin', displayName: '系统管理员', title: '系统管理员', role: 'sysadmin', scopeKind: 'committee' },
  { username: 'secadmin', displayName: '安全管理员', title: '安全管理员', role: 'secadmin', scopeKind: 'committee' },
  { username: 'auditor', displayName: '安全审计员', title: '安全审计员', role: 'auditor', scopeKind: 'committee' },
];

export interface DemoFinding {
  key: string;
  title: string;
  facts: string;
  aspect: string;
  discipline: string | null;
  majorProblem: string | null;
  focus: string | null;
  powerType: string | null;
  areas: string[];
  eightRules: boolean;
}

export const ZHUJIAN_FINDINGS: DemoFinding[] = [
  {
    key: 'f1',
    title: '落实全面从严治党主体责任不到位，对下属单位监督管理宽松软',
    facts:
      '局党组近三年仅召开 1 次专题研究全面从严治党工作的会议；对区质量安全监督站的日常监督流于形式，未发现站内长期存在的违规收取“咨询费”问题。',
    aspect: 'strict_governance',
    discipline: 'work',
    majorProblem: 'governance_lax',
    focus: 'key_problem',
    powerType: null,
    areas: [],
    eightRules: false,
  },
  {
    key: 'f2',
    title: '工程项目招投标管理不规范，存在“先施工后招标”问题',
    facts:
      '抽查 2023—2025 年 26 个政府投资项目，其中 4 个项目在招标前已进场施工，涉及金额 1860 万元；2 个项目化整为零规避公开招标。',
    aspect: 'anti_corruption',
    discipline: 'integrity',
    majorProblem: 'governance_lax',
    focus: 'key_matter',
    powerType: 'allocation',
    areas: ['bidding'],
    eightRules: false,
  },
  {
    key: 'f3',
    title: '违规发放津补贴，“四风”问题仍有发生',
    facts: '2024 年以“加班补助”名义向机关干部违规发放补贴 12.6 万元；公务接待存在超标准、无公函接待 7 次。',
    aspect: 'anti_corruption',
    discipline: 'integrity',
    majorProblem: null,
    focus: 'key_problem',
    powerType: null,
    areas: ['funds_assets', 'work_style'],
    eightRules: true,
  },
  {
    key: 'f4',
    title: '基层党组织建设薄弱，“三会一课”制度落实不严格',
    facts:
      '局属 3 个党支部 2025 年党课记录缺失，组织生活会批评与自我批评辣味不足；1 名党员连续 6 个月未交纳党费。2025 年提拔的 2 名科级干部未按规定进行任前公示。',
    aspect: 'party_building',
    discipline: 'organizational',
    majorProblem: 'building_missing',
    focus: null,
    powerType: null,
    // 选人用人 as well: the core demo hands this one over to 组织部 (demo-fieldwork.ts)
    areas: ['grassroots_party', 'cadre_selection'],
    eightRules: false,
  },
];

/** The 巡察报告 of 区住建局: the first draft, and the version the 领导小组 approved (demo-fieldwork.ts). */
export const ZHUJIAN_REPORT_V1 = `关于巡察区住房和城乡建设局党组的情况报告（初稿）

根据区委统一部署，区委第一巡察组对区住房和城乡建设局党组进行了常规巡察。巡察期间，共开展个别谈话 36 人次，召开座谈会 1 次，调阅资料 120 余份，受理来信来访 9 件。

一、发现的主要问题
（一）落实全面从严治党主体责任不到位，对下属单位监督管理宽松软。
（二）工程项目招投标管理不规范，存在“先施工后招标”问题。
（三）违规发放津补贴，“四风”问题仍有发生。
（四）基层党组织建设薄弱，“三会一课”制度落实不严格。`;

export const ZHUJIAN_REPORT_V2 = `${ZHUJIAN_REPORT_V1}

二、意见建议
（一）压紧压实管党治党政治责任，建立对下属单位的监督清单。
（二）规范工程建设项目招投标管理，倒查“先施工后招标”项目。
（三）坚决清退违规发放的津补贴，严格公务接待管理。
（四）加强基层党组织建设，严格落实选人用人有关规定。

三、移交事项
问题线索 1 件移交区纪委监委；选人用人方面问题 1 个移交区委组织部。`;
