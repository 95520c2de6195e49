// Chinese content of the district's finished round (demo-finished-round.ts). Findings are templates: the
// common ones (isCommon) recur across units with nearly the same wording, as 共性问题 do in real rounds
// (issue 9 detects them); `{unit}` becomes the unit's name and `{n}` a number varying per unit.

export interface FindingTemplate {
  title: string;
  facts: string;
  aspect: string;
  discipline: string | null;
  majorProblem: string | null;
  focus: string | null;
  powerType: string | null;
  areas: string[];
  eightRules: boolean;
  isCommon: boolean;
  task: { title: string; measures: string; department: string };
}

const t = (
  title: string,
  facts: string,
  c: Omit<FindingTemplate, 'title' | 'facts' | 'task'>,
  task: FindingTemplate['task'],
): FindingTemplate => ({ title, facts, ...c, task });

/** 共性问题: every unit gets two of these, in rotation. */
export const COMMON_FINDINGS: FindingTemplate[] = [
  t(
    '惠民资金发放审核把关不严，存在重复享受、违规领取问题',
    '{unit}抽查 2023—2024 年惠民补贴发放名册，发现 {n} 人重复享受或不符合条件仍领取补贴，涉及资金 {n}.6 万元。',
    {
      aspect: 'anti_corruption',
      discipline: 'mass',
      majorProblem: 'governance_lax',
      focus: 'key_matter',
      powerType: 'allocation',
      areas: ['welfare_funds'],
      eightRules: false,
      isCommon: true,
    },
    {
      title: '全面清查惠民补贴发放名册',
      measures: '逐人比对户籍、社保和不动产信息，追回违规领取资金，建立动态核查机制。',
      department: '社会事务科',
    },
  ),
  t(
    '惠民资金公示不规范，群众知晓度不高',
    '{unit}{n} 个批次的惠民资金发放未按规定公示，或公示时间不足 7 天，群众对补贴政策和发放结果知晓度不高。',
    {
      aspect: 'party_leadership',
      discipline: 'mass',
      majorProblem: 'leadership_weakened',
      focus: 'key_problem',
      powerType: 'allocation',
      areas: ['welfare_funds'],
      eightRules: false,
      isCommon: true,
    },
    {
      title: '规范惠民资金公示公开',
      measures: '制定公示工作规程，所有批次在政务公开栏和网站同步公示不少于 7 天。',
      department: '办公室',
    },
  ),
  t(
    '落实中央八项规定精神不到位，违规发放津补贴',
    '{unit}2024 年以“值班补助”“慰问金”名义违规发放津补贴 {n}.2 万元。',
    {
      aspect: 'anti_corruption',
      discipline: 'integrity',
      majorProblem: null,
      focus: 'key_problem',
      powerType: null,
      areas: ['work_style', 'funds_assets'],
      eightRules: true,
      isCommon: true,
    },
    {
      title: '清退违规发放的津补贴',
      measures: '逐人核算、限期清退，由纪检组跟踪督促，清退凭证存档备查。',
      department: '财务科',
    },
  ),
  t(
    '政府采购程序不规范，化整为零规避公开招标',
    '{unit}{n} 个惠民项目的设备和物资采购被拆分为多个小额合同，规避公开招标，合计金额 {n}8 万元。',
    {
      aspect: 'anti_corruption',
      discipline: 'integrity',
      majorProblem: 'governance_lax',
      focus: 'key_matter',
      powerType: 'allocation',
      areas: ['procurement'],
      eightRules: false,
      isCommon: true,
    },
    {
      title: '开展政府采购专项自查',
      measures: '对近三年采购项目逐一自查，修订采购内控制度，大额采购一律集体决策。',
      department: '计划财务科',
    },
  ),
];

/** Problems particular to one unit, in rotation. */
export const SPECIFIC_FINDINGS: FindingTemplate[] = [
  t(
    '党组（党委）落实全面从严治党主体责任不到位',
    '{unit}党组近两年专题研究党风廉政建设仅 {n} 次，对班子成员“一岗双责”落实情况缺乏督促检查。',
    {
      aspect: 'strict_governance',
      discipline: 'work',
      majorProblem: 'governance_lax',
      focus: 'key_problem',
      powerType: null,
      areas: [],
      eightRules: false,
      isCommon: false,
    },
    {
      title: '建立主体责任清单并按季度督促',
      measures: '制定班子成员责任清单，每季度听取一次落实情况汇报。',
      department: '办公室',
    },
  ),
  t(
    '民生工程项目招投标管理不规范',
    '{unit}{n} 个民生工程项目存在评标专家抽取不规范、中标后随意变更施工内容等问题，涉及金额 {n}20 万元。',
    {
      aspect: 'anti_corruption',
      discipline: 'integrity',
      majorProblem: 'governance_lax',
      focus: 'key_matter',
      powerType: 'allocation',
      areas: ['bidding'],
      eightRules: false,
      isCommon: false,
    },
    {
      title: '倒查民生工程招投标程序',
      measures: '对问题项目逐一倒查，追究相关人员责任，建立工程变更审批台账。',
      department: '项目管理科',
    },
  ),
  t(
    '选人用人不规范，干部选任程序执行不严格',
    '{unit}2023 年以来提拔的 {n} 名干部中，有的未按规定进行民主推荐，有的任前公示时间不足。',
    {
      aspect: 'party_building',
      discipline: 'organizational',
      majorProblem: 'building_missing',
      focus: 'key_person',
      powerType: 'personnel',
      areas: ['cadre_selection'],
      eightRules: false,
      isCommon: false,
    },
    {
      title: '规范干部选拔任用程序',
      measures: '对问题干部选任事项逐项复核，完善选人用人工作纪实，接受组织部门检查。',
      department: '人事科',
    },
  ),
  t(
    '村级集体“三资”管理混乱，资产资源底数不清',
    '{unit}指导的 {n} 个村（社区）集体资产台账不全，部分集体土地发包未经民主程序，合同租金长期未收缴。',
    {
      aspect: 'anti_corruption',
      discipline: 'mass',
      majorProblem: 'governance_lax',
      focus: 'key_matter',
      powerType: 'allocation',
      areas: ['village_assets'],
      eightRules: false,
      isCommon: false,
    },
    {
      title: '开展集体“三资”清产核资',
      measures: '逐村清理资产资源台账，规范合同管理，追缴拖欠租金。',
      department: '农村经营管理站',
    },
  ),
  t(
    '基层党组织建设薄弱，组织生活不严肃',
    '{unit}所属 {n} 个党支部未按期换届，“三会一课”记录不全，主题党日活动流于形式。',
    {
      aspect: 'party_building',
      discipline: 'organizational',
      majorProblem: 'building_missing',
      focus: null,
      powerType: null,
      areas: ['grassroots_party'],
      eightRules: false,
      isCommon: false,
    },
    {
      title: '整顿软弱涣散基层党组织',
      measures: '按期完成支部换届，建立组织生活纪实台账，党组成员联系指导支部。',
      department: '机关党委',
    },
  ),
  t(
    '意识形态工作责任制落实不到位',
    '{unit}近两年未专题研究意识形态工作，门户网站和微信公众号信息发布审核把关不严，{n} 次出现错误表述。',
    {
      aspect: 'party_leadership',
      discipline: 'political',
      majorProblem: 'leadership_weakened',
      focus: 'key_problem',
      powerType: null,
      areas: ['ideology'],
      eightRules: false,
      isCommon: false,
    },
    {
      title: '落实意识形态工作责任制',
      measures: '每半年专题研究一次意识形态工作，建立信息发布三审制度。',
      department: '办公室',
    },
  ),
  t(
    '上轮巡察反馈问题整改不彻底，存在反弹回潮',
    '{unit}上轮巡察反馈的 {n} 个问题中，有的整改措施未落地，有的已销号问题再次出现。',
    {
      aspect: 'strict_governance',
      discipline: 'work',
      majorProblem: 'governance_lax',
      focus: 'key_problem',
      powerType: null,
      areas: ['rectification_history'],
      eightRules: false,
      isCommon: false,
    },
    {
      title: '对上轮巡察整改情况“回头看”',
      measures: '逐项复核上轮整改事项，未完成的重新制定措施、明确时限。',
      department: '办公室',
    },
  ),
  t(
    '公务用车管理不规范，存在公车私用现象',
    '{unit}公务用车派车单填写不全，{n} 次节假日用车无审批记录，车辆加油卡管理混乱。',
    {
      aspect: 'anti_corruption',
      discipline: 'integrity',
      majorProblem: null,
      focus: 'key_problem',
      powerType: null,
      areas: ['work_style'],
      eightRules: true,
      isCommon: false,
    },
    { title: '规范公务用车管理', measures: '安装车辆定位系统，严格派车审批，节假日车辆封存。', department: '办公室' },
  ),
];
