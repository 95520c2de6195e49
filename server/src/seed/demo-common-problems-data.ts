// Findings of the district's past rounds for 共性问题 (step 8 of demo-district.ts): families of one problem
// found in several units, each unit's team wording it its own way, and problems found only once. A family's
// key is what the hand-labelled pairs (modules/common-problem/labelled-pairs.json) were checked against.
import type { area, aspect, discipline } from '@xuncha/contracts';
import { DEMO_PROBLEM_FAMILIES_MORE, DEMO_PROBLEMS_FOUND_ONCE } from './demo-common-problems-more.ts';

type Aspect = (typeof aspect.codes)[number];
type Discipline = (typeof discipline.codes)[number];
type Area = (typeof area.codes)[number];

export interface DemoProblemFamily {
  key: string;
  aspect: Aspect;
  discipline: Discipline | null;
  areas: Area[];
  eightRules?: boolean;
  /** findings of villages (村), the others go to departments and townships */
  village?: boolean;
  findings: { title: string; facts: string }[];
}

export const DEMO_PROBLEM_FAMILIES: DemoProblemFamily[] = [
  {
    key: 'car',
    aspect: 'anti_corruption',
    discipline: 'integrity',
    areas: ['work_style'],
    eightRules: true,
    findings: [
      {
        title: '公务用车管理不规范，存在公车私用现象',
        facts: '公务用车使用登记不完整，节假日期间有2台公车未按规定封存停放，个别干部驾驶公车办理私事。',
      },
      {
        title: '公车使用审批登记制度执行不严',
        facts: '出车审批单与行车记录不对应，部分派车单缺失，公务用车加油、维修费用未实行单车核算。',
      },
      {
        title: '公务用车加油卡管理混乱',
        facts: '加油卡未实行一车一卡，存在加油卡混用，公车加油量与行驶里程明显不符。',
      },
      {
        title: '长期借用下属单位车辆，变相超编配备公车',
        facts: '机关长期借用下属单位2台车辆，未纳入公务用车平台统一管理，变相超编制配备公务用车。',
      },
      {
        title: '公务用车平台运行流于形式',
        facts: '公务用车未全部纳入平台派车，平台派单与实际用车记录不一致，公车私用风险突出。',
      },
    ],
  },
  {
    key: 'allowance',
    aspect: 'anti_corruption',
    discipline: 'integrity',
    areas: ['funds_assets', 'work_style'],
    eightRules: true,
    findings: [
      {
        title: '违规发放津补贴',
        facts: '2022年至2024年以加班补助、值班费名义违规向干部职工发放津补贴共计18.6万元。',
      },
      {
        title: '巧立名目发放津贴补贴',
        facts: '自行设立“绩效奖励”“岗位津贴”等项目，未经批准向在编人员发放津贴补贴合计9.2万元。',
      },
      {
        title: '超标准发放加班补贴',
        facts: '在已实行调休的情况下仍按人头发放加班补贴，部分人员每月领取补贴超过规定标准。',
      },
      {
        title: '以工作经费名义变相发放津补贴',
        facts: '从专项工作经费中列支“误餐补贴”“交通补贴”，变相向全体职工发放津补贴4.8万元。',
      },
    ],
  },
  {
    key: 'procurement',
    aspect: 'anti_corruption',
    discipline: 'integrity',
    areas: ['procurement'],
    findings: [
      {
        title: '政府采购程序不规范',
        facts: '部分办公设备采购未按规定执行政府采购程序，化整为零规避公开采购。',
      },
      {
        title: '拆分采购项目规避政府采购',
        facts: '将同一批次信息化设备拆分为5个合同分别签订，单笔金额均低于政府采购限额标准。',
      },
      {
        title: '未按规定通过政府采购平台采购',
        facts: '办公用品、印刷服务长期在固定商户采购，未通过政府采购平台或定点采购执行。',
      },
      {
        title: '采购验收把关不严，政府采购内控缺失',
        facts: '政府采购项目验收由经办人一人签字完成，未建立采购、验收、付款相互分离的内控制度。',
      },
      {
        title: '定点采购执行不严，存在指定供应商情况',
        facts: '采购需求中设置特定品牌参数，变相指定供应商，政府采购公平竞争原则落实不到位。',
      },
    ],
  },
  {
    key: 'three_major',
    aspect: 'party_leadership',
    discipline: 'organizational',
    areas: ['funds_assets'],
    findings: [
      {
        title: '“三重一大”集体决策制度执行不到位',
        facts: '2023年3笔大额资金支出未经党组会集体研究，由主要负责人签批后即支付。',
      },
      {
        title: '重大事项决策程序不规范，“三重一大”事项未集体研究',
        facts: '办公楼维修改造等重大项目安排未提交党组会研究，会后补记会议纪要。',
      },
      {
        title: '大额资金使用未经集体决策',
        facts: '超过50万元的资金拨付由分管领导审批，未按“三重一大”制度提交集体决策。',
      },
      {
        title: '党委会议事规则落实不严，“三重一大”决策记录不全',
        facts: '党委会议事决策中个人说了算，“三重一大”事项会议记录缺少参会人员表态意见。',
      },
    ],
  },
  {
    key: 'ideology',
    aspect: 'party_leadership',
    discipline: 'political',
    areas: ['ideology'],
    findings: [
      {
        title: '意识形态工作责任制落实不到位',
        facts: '党组未将意识形态工作纳入年度工作要点，未按要求每半年专题研究意识形态工作。',
      },
      {
        title: '意识形态阵地管理不严',
        facts: '单位微信公众号、宣传栏等意识形态阵地信息发布审核把关不严，存在未经审核发布信息的情况。',
      },
      {
        title: '未定期分析研判意识形态领域情况',
        facts: '2023年以来未开展意识形态领域形势分析研判，意识形态工作责任制考核流于形式。',
      },
      {
        title: '网络意识形态管理存在薄弱环节',
        facts: '工作群、网站意识形态阵地管理制度缺失，网络舆情处置预案未及时修订，意识形态责任未压实。',
      },
    ],
  },
  {
    key: 'weak_branch',
    aspect: 'party_building',
    discipline: 'organizational',
    areas: ['grassroots_party'],
    findings: [
      {
        title: '基层党组织软弱涣散，组织生活不正常',
        facts: '所属党支部组织生活流于形式，“三会一课”记录内容雷同，支部战斗堡垒作用发挥不充分。',
      },
      {
        title: '“三会一课”制度落实不到位',
        facts: '部分党支部未按规定召开支部党员大会和上党课，“三会一课”记录事后补写。',
      },
      {
        title: '党支部组织生活不规范',
        facts: '党支部主题党日活动次数不足，组织生活会批评与自我批评辣味不足，“三会一课”执行不严。',
      },
      {
        title: '基层党支部建设弱化，软弱涣散问题突出',
        facts: '党支部书记长期空缺，支部委员会不健全，“三会一课”未正常开展，党员教育管理松散。',
      },
    ],
  },
  ...DEMO_PROBLEM_FAMILIES_MORE,
  ...DEMO_PROBLEMS_FOUND_ONCE,
];
