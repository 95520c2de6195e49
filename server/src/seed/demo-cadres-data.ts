// Names, source units and the 回避 cadres of the demo talent pool (demo-cadres.ts).
import type { CadreSkill } from '@xuncha/contracts';

export interface Source {
  unit: string;
  posts: string[];
  skills: CadreSkill[];
}

// Where cadres come from (DOMAIN.md §2) and what they are good at.
export const SOURCES: Source[] = [
  {
    unit: '区纪委监委',
    posts: ['第一纪检监察室主任', '案件审理室副主任', '纪检监察干部'],
    skills: ['discipline', 'law'],
  },
  { unit: '区委组织部', posts: ['干部科科长', '组织科副科长', '干部监督科干部'], skills: ['personnel', 'writing'] },
  { unit: '区财政局', posts: ['预算科科长', '国库科副科长', '会计核算中心主任'], skills: ['finance'] },
  { unit: '区审计局', posts: ['审计一科科长', '经济责任审计科副科长', '审计干部'], skills: ['audit', 'finance'] },
  { unit: '区人民检察院', posts: ['检察官', '第二检察部副主任'], skills: ['law'] },
  { unit: '区委巡察办', posts: ['综合科科长', '巡察干部'], skills: ['writing', 'discipline'] },
  { unit: '区委办公室', posts: ['秘书科科长', '信息科副科长'], skills: ['writing'] },
  { unit: '区住房和城乡建设局', posts: ['工程质量科科长', '建管科副科长'], skills: ['engineering'] },
  { unit: '区农业农村局', posts: ['农村经营管理科科长', '乡村振兴科干部'], skills: ['agriculture', 'finance'] },
  { unit: '区教育局', posts: ['人事科副科长', '计财科干部'], skills: ['education_health', 'personnel'] },
  { unit: '区卫生健康局', posts: ['医政科科长', '规划财务科干部'], skills: ['education_health', 'finance'] },
  { unit: '区政务服务和数据管理局', posts: ['数据资源科科长', '信息化干部'], skills: ['it'] },
  { unit: '东关街道', posts: ['纪工委副书记', '党政办主任'], skills: ['discipline', 'agriculture'] },
  { unit: '城关镇', posts: ['纪委书记', '经济发展办主任'], skills: ['discipline', 'agriculture', 'finance'] },
];

export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘';
export const GIVEN = [
  '建华',
  '晓燕',
  '志强',
  '丽娟',
  '海涛',
  '雪梅',
  '国栋',
  '静怡',
  '文博',
  '春艳',
  '立新',
  '红霞',
  '振宇',
  '慧敏',
  '鹏飞',
  '玉兰',
  '明轩',
  '秀英',
  '永刚',
  '佳琪',
  '德胜',
  '婷婷',
  '浩然',
  '桂芳',
  '宏伟',
  '欣怡',
  '光明',
  '淑华',
  '子豪',
  '美玲',
];
export const RANKS = ['一级主任科员', '二级主任科员', '四级调研员', '三级主任科员', '一级科员'];

/** The cadres whose records create 回避 conflicts (see the header). */
export const CONFLICT_CADRES = [
  { name: '李娜', source: '区审计局', post: '审计二科科长', gender: 'female' },
  { name: '王强', source: '区财政局', post: '政府采购科科长', gender: 'male' },
  { name: '张伟', source: '区卫生健康局', post: '副局长', gender: 'male' },
  { name: '陈静', source: '城关镇', post: '党委委员、纪委书记', gender: 'female' },
  { name: '赵敏', source: '区教育局', post: '督导室主任', gender: 'female' },
] as const;

export const FEMALE_GIVEN = new Set([
  '晓燕',
  '丽娟',
  '雪梅',
  '静怡',
  '春艳',
  '红霞',
  '慧敏',
  '玉兰',
  '秀英',
  '佳琪',
  '婷婷',
  '桂芳',
  '欣怡',
  '淑华',
  '美玲',
]);
