// The district's org tree for the demo (demo-org.ts): departments, units under them, state-owned
// companies, schools, hospitals, and 12 townships/streets with their villages and communities.
import type { UnitKind } from '@xuncha/contracts';

export interface DemoOrgUnit {
  name: string;
  kind: UnitKind;
  /** a core-demo unit key (demo-data.ts) or the name of a unit earlier in this list */
  parent?: string;
  /** powers that raise 廉政风险 */
  approval?: boolean;
  enforcement?: boolean;
}

const dept = (name: string, approval = false, enforcement = false): DemoOrgUnit => ({
  name,
  kind: 'department',
  approval,
  enforcement,
});

export const DEMO_DEPARTMENTS: DemoOrgUnit[] = [
  dept('区委办公室'),
  dept('区人大常委会办公室'),
  dept('区政府办公室'),
  dept('区政协办公室'),
  dept('区纪委监委'),
  dept('区委组织部'),
  dept('区委宣传部'),
  dept('区委统战部'),
  dept('区委政法委'),
  dept('区委机构编制委员会办公室'),
  dept('区发展和改革局', true),
  dept('区工业和信息化局', true),
  dept('区科学技术局'),
  dept('区民政局', true),
  dept('区司法局', false, true),
  dept('区人力资源和社会保障局', true),
  dept('区生态环境分局', true, true),
  dept('区交通运输局', true, true),
  dept('区水利局', true, true),
  dept('区农业农村局', true, true),
  dept('区商务局', true),
  dept('区文化广电和旅游局', true, true),
  dept('区退役军人事务局'),
  dept('区应急管理局', true, true),
  dept('区审计局'),
  dept('区统计局'),
  dept('区医疗保障局', true, true),
  dept('区城市管理局', true, true),
  dept('区信访局'),
  dept('区林业局', true, true),
  dept('区行政审批服务局', true),
  dept('区机关事务服务中心'),
];

export const DEMO_OTHER_UNITS: DemoOrgUnit[] = [
  { name: '区融媒体中心', kind: 'affiliated' },
  { name: '区公共资源交易中心', kind: 'affiliated', approval: true },
  { name: '区不动产登记中心', kind: 'affiliated', parent: 'ziran', approval: true },
  { name: '区社会保险事业服务中心', kind: 'affiliated', parent: '区人力资源和社会保障局' },
  { name: '区疾病预防控制中心', kind: 'affiliated', parent: 'weijian' },
  { name: '区农业技术推广中心', kind: 'affiliated', parent: '区农业农村局' },
  { name: '区城市管理综合执法大队', kind: 'affiliated', parent: '区城市管理局', enforcement: true },
  { name: '区住房公积金管理中心', kind: 'affiliated', approval: true },
  { name: '区档案馆', kind: 'affiliated' },
  { name: '中共示例市城关区委党校', kind: 'affiliated' },
  { name: '区城市建设投资集团有限公司', kind: 'soe' },
  { name: '区交通投资集团有限公司', kind: 'soe' },
  { name: '区水务集团有限公司', kind: 'soe' },
  { name: '区国有资产经营有限公司', kind: 'soe' },
  { name: '区实验小学', kind: 'school', parent: 'jiaoyu' },
  { name: '区第二中学', kind: 'school', parent: 'jiaoyu' },
  { name: '区职业技术学校', kind: 'school', parent: 'jiaoyu' },
  { name: '区中医院', kind: 'hospital', parent: 'weijian' },
  { name: '区妇幼保健院', kind: 'hospital', parent: 'weijian' },
  { name: '区第二人民医院', kind: 'hospital', parent: 'weijian' },
];

/** New townships/streets and how many villages (村) or communities (社区) each has; 东关街道 is in the core demo. */
export const DEMO_TOWNSHIPS: { name: string; villages: number }[] = [
  { name: '城关镇', villages: 15 },
  { name: '东城街道', villages: 12 },
  { name: '西城街道', villages: 12 },
  { name: '南湖街道', villages: 11 },
  { name: '北山镇', villages: 14 },
  { name: '河口镇', villages: 13 },
  { name: '青石镇', villages: 14 },
  { name: '柳林镇', villages: 13 },
  { name: '白马镇', villages: 12 },
  { name: '石桥乡', villages: 11 },
  { name: '龙泉乡', villages: 12 },
];
/** More communities for the core demo's 东关街道 (it already has 东关社区 and 南园社区). */
export const DONGGUAN_EXTRA = 8;

export const VILLAGE_ROOTS = [
  '东风',
  '红星',
  '前进',
  '新华',
  '光明',
  '胜利',
  '和平',
  '团结',
  '幸福',
  '建设',
  '红旗',
  '向阳',
  '丰收',
  '永安',
  '太平',
  '长乐',
  '石门',
  '杨柳',
  '桃园',
  '李庄',
  '王家湾',
  '张家庄',
  '刘家沟',
  '陈家坝',
  '黄土坡',
  '杏花',
  '青龙',
  '白沙',
  '金山',
  '银河',
  '双河',
  '三里桥',
  '五里铺',
  '十里店',
  '马鞍山',
  '鹿鸣',
  '柏树',
  '松林',
  '竹园',
  '梅岭',
  '荷塘',
  '大湾',
  '小河',
  '高桥',
  '官庄',
  '花园',
  '文昌',
  '凤凰',
  '龙潭',
  '玉泉',
];

export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈';
export const GIVEN_NAMES = [
  '建国',
  '志强',
  '海涛',
  '红梅',
  '秀英',
  '立新',
  '晓东',
  '丽华',
  '文斌',
  '国庆',
  '春燕',
  '卫东',
  '明辉',
  '玉兰',
  '振华',
  '德胜',
  '永刚',
  '桂芳',
  '宏伟',
  '淑珍',
  '俊杰',
  '雪梅',
  '长青',
  '爱民',
  '学军',
  '金凤',
  '继红',
  '志刚',
];
