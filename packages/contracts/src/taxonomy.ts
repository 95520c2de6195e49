// Finding classification of DOMAIN.md §5. Codes are stable identifiers stored in the database;
// labels are what users read. Each list is `as const` so zod enums and label maps stay in step.
import { z } from 'zod';

export function labelled<const T extends readonly [string, ...string[]]>(codes: T, labels: Record<T[number], string>) {
  return { codes, schema: z.enum(codes), labels };
}

/** 四个方面 */
export const aspect = labelled(['party_leadership', 'party_building', 'strict_governance', 'anti_corruption'], {
  party_leadership: '党的领导',
  party_building: '党的建设',
  strict_governance: '全面从严治党',
  anti_corruption: '党风廉政建设和反腐败',
});

/** 六项纪律 */
export const discipline = labelled(['political', 'organizational', 'integrity', 'mass', 'work', 'life'], {
  political: '政治纪律',
  organizational: '组织纪律',
  integrity: '廉洁纪律',
  mass: '群众纪律',
  work: '工作纪律',
  life: '生活纪律',
});

/** 三大问题 */
export const majorProblem = labelled(['leadership_weakened', 'building_missing', 'governance_lax'], {
  leadership_weakened: '党的领导弱化',
  building_missing: '党的建设缺失',
  governance_lax: '全面从严治党不力',
});

/** 三个重点 */
export const focus = labelled(['key_person', 'key_matter', 'key_problem'], {
  key_person: '重点人',
  key_matter: '重点事',
  key_problem: '重点问题',
});

/** 权力类型 */
export const powerType = labelled(['approval', 'enforcement', 'personnel', 'allocation'], {
  approval: '行政审批',
  enforcement: '行政执法',
  personnel: '干部人事',
  allocation: '资金资源分配',
});

/** 领域 tags */
export const area = labelled(
  [
    'bidding',
    'procurement',
    'funds_assets',
    'cadre_selection',
    'welfare_funds',
    'village_assets',
    'ideology',
    'grassroots_party',
    'work_style',
    'rectification_history',
  ],
  {
    bidding: '工程招投标',
    procurement: '政府采购',
    funds_assets: '资金资产管理',
    cadre_selection: '选人用人',
    welfare_funds: '惠民资金',
    village_assets: '集体"三资"',
    ideology: '意识形态',
    grassroots_party: '基层党组织建设',
    work_style: '作风建设',
    rectification_history: '以往巡视巡察整改',
  },
);

/** Org unit kinds, DOMAIN.md §2 */
export const unitKind = labelled(
  ['department', 'affiliated', 'township', 'village', 'soe', 'school', 'hospital', 'other'],
  {
    department: '机关部门',
    affiliated: '直属单位',
    township: '乡镇/街道',
    village: '村/社区',
    soe: '国有企业',
    school: '学校',
    hospital: '医院',
    other: '其他',
  },
);

/** Inspection types, DOMAIN.md §3 */
export const inspectionType = labelled(['regular', 'special', 'mobile', 'elevated', 'cross', 'village', 'lookback'], {
  regular: '常规巡察',
  special: '专项巡察',
  mobile: '机动巡察',
  elevated: '提级巡察',
  cross: '交叉巡察',
  village: '村(居)巡察',
  lookback: '巡察"回头看"',
});

/** 佐证材料 kinds, DOMAIN.md §6 */
export const evidenceKind = labelled(['document', 'photo', 'institution', 'money', 'person'], {
  document: '文件材料',
  photo: '照片',
  institution: '制度文件',
  money: '挽回/追缴资金',
  person: '人员处理',
});

export type UnitKind = (typeof unitKind.codes)[number];
export type InspectionType = (typeof inspectionType.codes)[number];
export type EvidenceKind = (typeof evidenceKind.codes)[number];

/** 村情档案 classes of villages and communities (DOMAIN.md §3) */
export const villageClass = labelled(['key', 'attention', 'general'], {
  key: '重点',
  attention: '关注',
  general: '一般',
});
export type VillageClass = (typeof villageClass.codes)[number];
/** The inspection approach each village class implies. */
export const villageApproach: Record<VillageClass, string[]> = {
  key: ['提级巡察'],
  attention: ['巡镇带村', '纪巡联动'],
  general: ['巡镇带村'],
};

/** Committee levels, top down, stored as these words (the seeds and older rows use them): a child
 * committee sits on a lower level than its parent. */
export const COMMITTEE_LEVELS = ['省委', '市委', '区县委', '部门党组'] as const;
export const CommitteeLevel = z.enum(COMMITTEE_LEVELS, { error: '层级应为省委、市委、区县委或部门党组' });

/** 领导小组 and 巡察办 */
export const memberBody = labelled(['leading_group', 'office'], {
  leading_group: '巡察工作领导小组',
  office: '巡察办',
});
export const memberPost = labelled(
  ['leader', 'executive_deputy', 'deputy', 'member', 'director', 'deputy_director', 'staff'],
  {
    leader: '组长',
    executive_deputy: '常务副组长',
    deputy: '副组长',
    member: '成员',
    director: '主任',
    deputy_director: '副主任',
    staff: '工作人员',
  },
);
export type MemberBody = (typeof memberBody.codes)[number];
export type MemberPost = (typeof memberPost.codes)[number];
/** Which posts each body has, in display order. */
export const postsOfBody: Record<MemberBody, MemberPost[]> = {
  leading_group: ['leader', 'executive_deputy', 'deputy', 'member'],
  office: ['director', 'deputy_director', 'staff'],
};
/** The role a post grants on the committee when the member has an account (成员: none). The 巡察办主任
 * reads clue content on a need-to-know basis (DOMAIN.md §4); the office staff do not. */
export const defaultRoleOfPost: Record<MemberPost, 'leader' | 'office' | 'office_director' | null> = {
  leader: 'leader',
  executive_deputy: 'leader',
  deputy: 'leader',
  member: null,
  director: 'office_director',
  deputy_director: 'office',
  staff: 'office',
};

/** History events of an org unit */
export const unitEvent = labelled(
  ['create', 'update', 'rename', 'move', 'merge', 'deactivate', 'reactivate', 'import'],
  {
    create: '新建',
    update: '修改属性',
    rename: '更名',
    move: '调整隶属',
    merge: '合并',
    deactivate: '撤销',
    reactivate: '恢复',
    import: '导入',
  },
);
