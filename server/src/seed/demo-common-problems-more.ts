// Demo findings for 共性问题 continued (see demo-common-problems-data.ts).
import type { DemoProblemFamily } from './demo-common-problems-data.ts';

/** Families found in several units (continued). */
export const DEMO_PROBLEM_FAMILIES_MORE: DemoProblemFamily[] = [
  {
    key: 'village_assets',
    aspect: 'anti_corruption',
    discipline: 'mass',
    areas: ['village_assets'],
    village: true,
    findings: [
      {
        title: '村集体“三资”管理混乱',
        facts: '村集体资产台账不全，集体“三资”底数不清，部分资产资源未登记入账。',
      },
      {
        title: '集体资产资源发包租赁不规范，“三资”流失风险大',
        facts: '村集体鱼塘、厂房发包未经公开竞价，租赁合同期限过长、租金明显偏低，集体“三资”收益流失。',
      },
      {
        title: '村集体“三资”监管不到位，白条入账',
        facts: '村级财务以白条入账2.3万元，集体“三资”收支未按规定公开，“三资”监管平台数据未及时更新。',
      },
      {
        title: '集体“三资”收入未及时入账',
        facts: '集体土地租金收缴不及时，累计欠缴租金6.1万元，部分租金未纳入“三资”账户管理。',
      },
    ],
  },
  {
    key: 'bidding',
    aspect: 'anti_corruption',
    discipline: 'integrity',
    areas: ['bidding'],
    findings: [
      {
        title: '工程项目招投标不规范，存在围标串标风险',
        facts: '3个工程项目投标文件雷同、报价呈规律性差异，存在围标串标风险，招标人未依法处理。',
      },
      {
        title: '应招标未招标，拆分工程规避招标',
        facts: '将道路改造工程拆分为4个标段直接发包，化整为零规避招投标。',
      },
      {
        title: '工程建设项目招投标监管缺位',
        facts: '对工程招投标评标过程监督不到位，中标单位转包分包问题未及时发现，招投标领域风险防控薄弱。',
      },
    ],
  },
  {
    key: 'cadre_selection',
    aspect: 'party_building',
    discipline: 'organizational',
    areas: ['cadre_selection'],
    findings: [
      {
        title: '选人用人程序不规范',
        facts: '干部选拔任用动议环节未经党组集体研究，民主推荐范围不符合规定，选人用人程序倒置。',
      },
      {
        title: '干部选拔任用工作不严格，程序执行走过场',
        facts: '个别干部选拔任用考察材料雷同，考察谈话人数不足，选人用人把关不严。',
      },
      {
        title: '选人用人工作存在程序缺失',
        facts: '中层干部调整未进行任前公示，选人用人全程纪实不完整。',
      },
    ],
  },
  {
    key: 'welfare',
    aspect: 'anti_corruption',
    discipline: 'mass',
    areas: ['welfare_funds'],
    findings: [
      {
        title: '惠民惠农资金发放审核把关不严',
        facts: '耕地地力保护补贴发放面积核实不严，已流转土地重复申领惠民资金，涉及农户17户。',
      },
      {
        title: '低保对象认定不精准，惠民资金监管不力',
        facts: '12名低保对象家庭有车辆或经营实体仍享受低保待遇，惠民资金动态管理不到位。',
      },
      {
        title: '危房改造补助资金审核不严',
        facts: '农村危房改造补助对象审核把关不严，个别非危房户领取改造补助，惠民资金发放不精准。',
      },
    ],
  },
  {
    key: 'rectification',
    aspect: 'strict_governance',
    discipline: 'work',
    areas: ['rectification_history'],
    findings: [
      {
        title: '上轮巡察反馈问题整改不彻底',
        facts: '上轮巡察反馈的8个问题中有3个仍未整改到位，整改措施针对性不强，巡察整改台账销号不实。',
      },
      {
        title: '巡察整改敷衍应付，问题反弹回潮',
        facts: '上轮巡察指出的公务接待问题已整改销号，但2023年再次出现，巡察整改成果巩固不力。',
      },
      {
        title: '巡察整改主体责任落实不到位',
        facts: '党组未专题研究巡察整改工作，巡察整改日常监督缺失，整改台账与实际不符。',
      },
    ],
  },
  {
    key: 'reception',
    aspect: 'anti_corruption',
    discipline: 'integrity',
    areas: ['work_style'],
    eightRules: true,
    findings: [
      {
        title: '公务接待管理不规范，接待清单缺失',
        facts: '公务接待无公函、无接待清单，接待费用报销审核不严，存在超标准接待。',
      },
      {
        title: '违规公款吃喝',
        facts: '以会议、培训名义在餐馆公款吃喝，费用在会议费中列支1.7万元。',
      },
      {
        title: '超标准公务接待，陪餐人数超标',
        facts: '公务接待中陪餐人数超过规定，接待用餐使用高档菜肴和酒水，公务接待标准执行不严。',
      },
    ],
  },
];

/** Problems found in one unit only: the hard negatives of the labelled pairs. */
export const DEMO_PROBLEMS_FOUND_ONCE: DemoProblemFamily[] = [
  {
    key: 'party_members',
    aspect: 'party_building',
    discipline: 'organizational',
    areas: ['grassroots_party'],
    findings: [
      {
        title: '发展党员程序不规范',
        facts: '发展对象培养考察期不足一年，入党志愿书填写不完整，发展党员公示环节缺失。',
      },
    ],
  },
  {
    key: 'cadre_files',
    aspect: 'party_building',
    discipline: 'organizational',
    areas: ['cadre_selection'],
    findings: [
      {
        title: '干部人事档案管理不规范',
        facts: '干部档案材料收集归档不及时，出生日期、入党时间等信息认定材料缺失，档案专审发现问题未整改。',
      },
    ],
  },
  {
    key: 'safety',
    aspect: 'party_leadership',
    discipline: 'work',
    areas: [],
    findings: [
      {
        title: '安全生产监管责任落实不到位',
        facts: '对辖区危化品企业安全检查频次不足，隐患整改跟踪督办不及时，安全生产专项整治推进缓慢。',
      },
    ],
  },
  {
    key: 'fixed_assets',
    aspect: 'anti_corruption',
    discipline: 'integrity',
    areas: ['funds_assets'],
    findings: [
      {
        title: '固定资产管理不规范，账实不符',
        facts: '固定资产未定期盘点，报废设备未及时核销，账面资产与实物相差37项。',
      },
    ],
  },
  {
    key: 'debt',
    aspect: 'party_leadership',
    discipline: 'work',
    areas: ['funds_assets'],
    findings: [
      {
        title: '政府债务风险化解工作推进缓慢',
        facts: '隐性债务化解计划完成率不足六成，平台公司融资成本偏高，债务风险防控意识不强。',
      },
    ],
  },
  {
    key: 'river',
    aspect: 'party_leadership',
    discipline: 'work',
    areas: [],
    findings: [
      {
        title: '河长制工作落实不力，河道巡查流于形式',
        facts: '镇级河长巡河记录雷同，河道违法排污、乱堆乱放问题反复出现，河长制考核未发挥作用。',
      },
    ],
  },
  {
    key: 'service',
    aspect: 'strict_governance',
    discipline: 'mass',
    areas: ['work_style'],
    findings: [
      {
        title: '政务服务事项办理超时，群众办事“多头跑”',
        facts: '不动产登记等12项政务服务事项平均办理时长超过承诺时限，“一窗受理”改革推进不力。',
      },
    ],
  },
  {
    key: 'medical_insurance',
    aspect: 'anti_corruption',
    discipline: 'mass',
    areas: ['welfare_funds'],
    findings: [
      {
        title: '医保基金使用监管不严',
        facts: '对定点医疗机构串换项目、分解住院等违规使用医保基金行为查处不力，追回基金不及时。',
      },
    ],
  },
  {
    key: 'soe_investment',
    aspect: 'party_leadership',
    discipline: 'organizational',
    areas: ['funds_assets'],
    findings: [
      {
        title: '国有企业对外投资决策论证不充分',
        facts: '对外投资项目未开展可行性研究和风险评估，2个投资项目出现亏损，国有资本保值增值压力大。',
      },
    ],
  },
  {
    key: 'petition',
    aspect: 'strict_governance',
    discipline: 'mass',
    areas: [],
    findings: [
      {
        title: '信访积案化解不力',
        facts: '3件重复信访积案超过一年未化解，信访事项办理答复不及时，群众满意率偏低。',
      },
    ],
  },
  {
    key: 'enforcement',
    aspect: 'strict_governance',
    discipline: 'work',
    areas: ['work_style'],
    findings: [
      {
        title: '行政执法不规范，执法记录不全',
        facts: '部分行政处罚案卷缺少现场检查笔录，自由裁量权行使随意，执法全过程记录制度落实不到位。',
      },
    ],
  },
  {
    key: 'canteen',
    aspect: 'anti_corruption',
    discipline: 'mass',
    areas: ['welfare_funds'],
    findings: [
      {
        title: '学校食堂经营管理存在漏洞',
        facts: '食堂食材采购未执行比价，伙食费结余长期超过规定比例，学生营养餐补助使用不规范。',
      },
    ],
  },
];
