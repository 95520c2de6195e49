// Clues, names and good practices of the district's finished round (demo-finished-round.ts).

export interface ClueTemplate {
  category: string;
  source: string;
  subjectPost: string;
  allegation: string;
  evidence: string;
  /** how 纪委监委 disposed of it, and the person's 形态 */
  disposition: 'form1' | 'form2' | 'form3' | 'form4' | 'closed';
  measure: string;
}

export const CLUE_TEMPLATES: ClueTemplate[] = [
  {
    category: 'integrity',
    source: 'petition',
    subjectPost: '社会事务科科长',
    allegation: '在低保审核中为亲属违规办理低保，并收受申请人财物。',
    evidence: '群众来信；低保审批表与户籍信息比对材料。',
    disposition: 'form2',
    measure: '党内警告',
  },
  {
    category: 'duty_violation',
    source: 'document_review',
    subjectPost: '项目管理科副科长',
    allegation: '在惠民工程验收中降低标准，为施工方虚增工程量签字确认。',
    evidence: '工程结算资料；现场复核记录。',
    disposition: 'form3',
    measure: '撤销党内职务、政务撤职',
  },
  {
    category: 'mass',
    source: 'visit',
    subjectPost: '村党支部书记',
    allegation: '截留、挪用村集体土地流转收益。',
    evidence: '走访群众记录；村集体账目。',
    disposition: 'form4',
    measure: '立案审查调查，移送检察机关审查起诉',
  },
  {
    category: 'work',
    source: 'interview',
    subjectPost: '财务科科长',
    allegation: '违规审批“值班补助”发放，拆分报销规避审批。',
    evidence: '个别谈话记录；报销凭证。',
    disposition: 'form1',
    measure: '谈话提醒',
  },
  {
    category: 'integrity',
    source: 'public_report',
    subjectPost: '办公室主任',
    allegation: '反映其利用公务用车办理私事。',
    evidence: '网上举报；派车单。',
    disposition: 'closed',
    measure: '经核查反映问题不属实，予以了结',
  },
];

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '马', '朱', '胡'];
export const GIVEN_NAMES = [
  '建军',
  '红梅',
  '志强',
  '海燕',
  '国庆',
  '晓东',
  '丽华',
  '永明',
  '春生',
  '桂兰',
  '德胜',
  '玉芳',
];

export const GOOD_PRACTICES = [
  {
    title: '惠民资金“一卡通”全程监管',
    content: '惠民补贴统一通过“一卡通”发放，资金流向实时可查，群众可扫码查询本人补贴。',
    areas: ['welfare_funds'],
  },
  {
    title: '民生项目“群众点单”机制',
    content: '年度民生项目由群众投票确定，实施情况和资金使用在村务公开栏按月公示。',
    areas: ['welfare_funds'],
  },
  {
    title: '集体“三资”线上交易平台',
    content: '村集体资产发包、租赁一律进平台公开交易，近一年溢价率达 18%。',
    areas: ['village_assets'],
  },
  {
    title: '干部选任全程纪实',
    content: '干部选拔任用每个环节形成纪实材料，做到全程留痕、可查可溯。',
    areas: ['cadre_selection'],
  },
];
