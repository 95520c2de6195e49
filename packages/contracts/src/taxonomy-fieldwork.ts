// Codes for fieldwork, clues, handovers and meetings (DOMAIN.md §4–§5). Same pattern as taxonomy.ts.
import { labelled } from './taxonomy.ts';

/** 了解情况的方式 */
export const fieldworkKind = labelled(
  ['interview', 'meeting', 'document_review', 'visit', 'survey', 'self_check', 'petition'],
  {
    interview: '个别谈话',
    meeting: '座谈会',
    document_review: '调阅资料',
    visit: '走访/下沉',
    survey: '民主测评/问卷',
    self_check: '问题对照自查',
    petition: '来信来访',
  },
);
export type FieldworkKind = (typeof fieldworkKind.codes)[number];
/** Kinds whose notes are sensitive unless the recorder says otherwise. */
export const SENSITIVE_BY_DEFAULT: ReadonlySet<FieldworkKind> = new Set(['interview', 'petition']);

/** 来信来访 channels */
export const petitionChannel = labelled(['letter', 'visit', 'phone', 'online', 'mailbox'], {
  letter: '来信',
  visit: '来访',
  phone: '来电',
  online: '网络举报',
  mailbox: '意见箱',
});

/** 调阅资料 categories */
export const documentCategory = labelled(['document', 'minutes', 'accounts', 'contract', 'archive', 'other'], {
  document: '文件',
  minutes: '会议记录',
  accounts: '财务账目',
  contract: '合同',
  archive: '档案',
  other: '其他',
});

/** 问题线索 categories */
export const clueCategory = labelled(
  ['political', 'organizational', 'integrity', 'mass', 'work', 'life', 'duty_violation', 'duty_crime', 'other'],
  {
    political: '违反政治纪律',
    organizational: '违反组织纪律',
    integrity: '违反廉洁纪律',
    mass: '违反群众纪律',
    work: '违反工作纪律',
    life: '违反生活纪律',
    duty_violation: '涉嫌职务违法',
    duty_crime: '涉嫌职务犯罪',
    other: '其他',
  },
);
export type ClueCategory = (typeof clueCategory.codes)[number];

/** Where a clue came from */
export const clueSource = labelled(
  ['interview', 'petition', 'document_review', 'visit', 'public_report', 'self_check', 'audit', 'other'],
  {
    interview: '个别谈话',
    petition: '来信来访',
    document_review: '调阅资料',
    visit: '走访/下沉',
    public_report: '网上举报',
    self_check: '问题对照自查',
    audit: '审计/专项检查',
    other: '其他',
  },
);

/** What is handed over, and to whom (DOMAIN.md §5) */
export const handoverKind = labelled(['clue', 'cadre', 'other'], {
  clue: '问题线索',
  cadre: '选人用人问题',
  other: '其他问题',
});
export type HandoverKind = (typeof handoverKind.codes)[number];
export const handoverRecipient = labelled(['discipline', 'organization', 'department'], {
  discipline: '纪委监委',
  organization: '组织部',
  department: '主管部门',
});
export type HandoverRecipient = (typeof handoverRecipient.codes)[number];
export const recipientOfKind: Record<HandoverKind, HandoverRecipient> = {
  clue: 'discipline',
  cadre: 'organization',
  other: 'department',
};
/** The permission a recipient needs to see and answer handovers of each kind. */
export const receivePermissionOfKind = {
  clue: 'handover.receive_clue',
  cadre: 'handover.receive_cadre',
  other: 'handover.receive_other',
} as const;

/** 处置结果 of a clue: the 四种形态, or how 纪委监委 disposed of it */
export const disposition = labelled(
  ['form1', 'form2', 'form3', 'form4', 'closed', 'shelved', 'talk_enquiry', 'preliminary', 'case_filed'],
  {
    form1: '第一种形态（谈话提醒、批评教育）',
    form2: '第二种形态（轻处分、组织调整）',
    form3: '第三种形态（重处分、重大职务调整）',
    form4: '第四种形态（立案审查、移送司法）',
    closed: '予以了结',
    shelved: '暂存待查',
    talk_enquiry: '谈话函询',
    preliminary: '初步核实',
    case_filed: '立案审查调查',
  },
);
export type Disposition = (typeof disposition.codes)[number];
/** Short labels for tables and charts */
export const dispositionShort: Record<Disposition, string> = {
  form1: '第一种形态',
  form2: '第二种形态',
  form3: '第三种形态',
  form4: '第四种形态',
  closed: '了结',
  shelved: '暂存',
  talk_enquiry: '谈话函询',
  preliminary: '初核',
  case_filed: '立案',
};
/** Dispositions that are still a stage of handling, not an end (a progress report may carry them). */
export const INTERIM_DISPOSITIONS: ReadonlySet<Disposition> = new Set(['talk_enquiry', 'preliminary', 'case_filed']);
/** The 四种形态 a person can be handled by */
export const form = labelled(['1', '2', '3', '4'], {
  1: '第一种形态',
  2: '第二种形态',
  3: '第三种形态',
  4: '第四种形态',
});

/** Meetings that hear a report (领导小组会议 / 书记专题会) */
export const meetingKind = labelled(['leading_group', 'secretary', 'standing', 'other'], {
  leading_group: '巡察工作领导小组会议',
  secretary: '书记专题会',
  standing: '党委（党组）会议',
  other: '其他会议',
});
/** What a decision of such a meeting does */
export const decisionKind = labelled(['approve_report', 'return_report', 'handover', 'feedback', 'other'], {
  approve_report: '审定巡察报告',
  return_report: '退回巡察报告',
  handover: '同意移交',
  feedback: '同意反馈',
  other: '其他事项',
});
export type DecisionKind = (typeof decisionKind.codes)[number];
