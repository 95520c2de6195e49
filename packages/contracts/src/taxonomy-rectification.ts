// Vocabulary of rectification and supervision (DOMAIN.md §6–§7). Codes are stored; labels are read.
import { labelled } from './taxonomy.ts';

/** 完成情况 of a finding in the unit's ledger */
export const findingCompletion = labelled(['not_done', 'basically_done', 'done'], {
  not_done: '未完成',
  basically_done: '基本完成',
  done: '已完成',
});
export type FindingCompletion = (typeof findingCompletion.codes)[number];

/** 整改报告 kinds the unit submits */
export const rectificationReportKind = labelled(['progress', 'rectification', 'duty'], {
  progress: '整改进展报告（月报）',
  rectification: '整改情况报告',
  duty: '主要负责人组织落实整改工作履职报告',
});
export type RectificationReportKind = (typeof rectificationReportKind.codes)[number];

/** 整改评估 (综合评估) results; 不合格 → 补课 with a new deadline */
export const evaluationResult = labelled(['pass', 'basic_pass', 'fail'], {
  pass: '合格',
  basic_pass: '基本合格',
  fail: '不合格',
});
export type EvaluationResult = (typeof evaluationResult.codes)[number];

/** Why a 督办单 was issued */
export const supervisionReason = labelled(['overdue', 'returned_twice', 'rebound', 'slow', 'manual'], {
  overdue: '逾期未完成',
  returned_twice: '销号申请两次被退回',
  rebound: '问题反弹回潮',
  slow: '整改进度缓慢',
  manual: '其他需督办事项',
});
export type SupervisionReason = (typeof supervisionReason.codes)[number];

/** 回访 or 回头看 */
export const revisitKind = labelled(['revisit', 'look_back'], { revisit: '回访', look_back: '回头看' });
export type RevisitKind = (typeof revisitKind.codes)[number];

/** A task's outcome on a 回访 */
export const revisitOutcome = labelled(['stable', 'rebound'], { stable: '整改成果稳固', rebound: '反弹回潮' });
export type RevisitOutcome = (typeof revisitOutcome.codes)[number];

/** Grounds for 问责 in rectification */
export const accountabilityGround = labelled(['perfunctory', 'ineffective', 'false_rectification', 'other'], {
  perfunctory: '敷衍塞责',
  ineffective: '整改不力',
  false_rectification: '虚假整改',
  other: '其他',
});
export type AccountabilityGround = (typeof accountabilityGround.codes)[number];

/** 问责 measures, lightest first */
export const accountabilityMeasure = labelled(
  ['reminder_talk', 'circulated_criticism', 'admonishment', 'organizational', 'disciplinary'],
  {
    reminder_talk: '谈话提醒',
    circulated_criticism: '通报批评',
    admonishment: '诫勉',
    organizational: '组织处理',
    disciplinary: '纪律处分',
  },
);
export type AccountabilityMeasure = (typeof accountabilityMeasure.codes)[number];

/** 开门整改: where rectification was published */
export const publicationChannel = labelled(['internal', 'public'], { internal: '党内通报', public: '向社会公开' });
export type PublicationChannel = (typeof publicationChannel.codes)[number];

/** Kinds of in-app notifications */
export const notificationKind = labelled(
  [
    'task_due_soon',
    'task_overdue',
    'plan_due',
    'report_due',
    'supervision',
    'supervision_escalated',
    'plan_reviewed',
    'task_reopened',
    'public_report',
    'guidance',
    'lower_inspection',
    'common_problem',
  ],
  {
    task_due_soon: '任务即将到期',
    task_overdue: '任务已逾期',
    plan_due: '整改方案报送提醒',
    report_due: '整改报告报送提醒',
    supervision: '督办通知',
    supervision_escalated: '督办提级',
    plan_reviewed: '整改方案审核结果',
    task_reopened: '任务因反弹重新整改',
    public_report: '群众举报/意见',
    guidance: '上级指导意见',
    lower_inspection: '上级巡察安排',
    common_problem: '举一反三通知',
  },
);
export type NotificationKind = (typeof notificationKind.codes)[number];
