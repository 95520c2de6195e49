// State machines shared by server and web: the server enforces them, the web labels them.
import { z } from 'zod';

export const TASK_STATUSES = ['open', 'in_progress', 'submitted', 'returned', 'partly_closed', 'closed'] as const;
export const TaskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatus>;
export const taskStatusLabel: Record<TaskStatus, string> = {
  open: '待整改',
  in_progress: '整改中',
  submitted: '待销号',
  returned: '已退回',
  partly_closed: '阶段性完成',
  closed: '已销号',
};

export const TASK_EVENTS = ['start', 'submit', 'verify', 'return', 'verifyPartly', 'reopen'] as const;
export const TaskEvent = z.enum(TASK_EVENTS);
export type TaskEvent = z.infer<typeof TaskEvent>;
export const taskEventLabel: Record<TaskEvent, string> = {
  start: '开始整改',
  submit: '申请销号',
  verify: '对账销号',
  return: '退回',
  verifyPartly: '阶段性销号',
  reopen: '重新打开',
};
export const taskHistoryEventLabel: Record<TaskEvent | 'create', string> = { ...taskEventLabel, create: '分解任务' };

// 准备 → 进驻 → 了解 → 报告 → 反馈 → 整改 → 评估 → 归档 (DOMAIN.md §3–§6). The transition table is in
// server/src/modules/inspection/inspection.status.ts.
export const INSPECTION_PHASES = [
  'preparing',
  'stationed',
  'investigating',
  'reporting',
  'feedback',
  'rectifying',
  'evaluating',
  'archived',
] as const;
export const InspectionPhase = z.enum(INSPECTION_PHASES);
export type InspectionPhase = z.infer<typeof InspectionPhase>;
export const inspectionPhaseLabel: Record<InspectionPhase, string> = {
  preparing: '准备',
  stationed: '进驻',
  investigating: '了解情况',
  reporting: '报告',
  feedback: '反馈',
  rectifying: '整改',
  evaluating: '评估',
  archived: '归档',
};

export const INSPECTION_EVENTS = [
  'station',
  'investigate',
  'report',
  'feedback',
  'rectify',
  'evaluate',
  'archive',
] as const;
export const InspectionEvent = z.enum(INSPECTION_EVENTS);
export type InspectionEvent = z.infer<typeof InspectionEvent>;
export const inspectionEventLabel: Record<InspectionEvent, string> = {
  station: '进驻',
  investigate: '开展了解',
  report: '进入报告阶段',
  feedback: '反馈意见',
  rectify: '进入集中整改',
  evaluate: '整改评估',
  archive: '归档',
};

export const FINDING_STATUSES = ['draft', 'fed_back'] as const;
export const FindingStatus = z.enum(FINDING_STATUSES);
export type FindingStatus = z.infer<typeof FindingStatus>;
export const findingStatusLabel: Record<FindingStatus, string> = {
  draft: '未反馈',
  fed_back: '已反馈',
};

// 问题线索 (DOMAIN.md §4–§5). The team moves a clue from 登记 to 初步核实 or 留存; every later step is
// driven by its handover (移交 → 接收 → 办理 → 办结, or 退回 back to the team). Table: clue.status.ts.
export const CLUE_STATUSES = [
  'registered',
  'preliminary',
  'handed_over',
  'accepted',
  'handling',
  'concluded',
  'shelved',
] as const;
export const ClueStatus = z.enum(CLUE_STATUSES);
export type ClueStatus = z.infer<typeof ClueStatus>;
export const clueStatusLabel: Record<ClueStatus, string> = {
  registered: '已登记',
  preliminary: '初步核实',
  handed_over: '已移交',
  accepted: '已接收',
  handling: '办理中',
  concluded: '已办结',
  shelved: '留存备查',
};
export const CLUE_EVENTS = [
  'verify',
  'shelve',
  'reopen',
  'hand_over',
  'accept',
  'handle',
  'conclude',
  'decline',
] as const;
export const ClueEvent = z.enum(CLUE_EVENTS);
export type ClueEvent = z.infer<typeof ClueEvent>;
export const clueEventLabel: Record<ClueEvent, string> = {
  verify: '初步核实',
  shelve: '留存备查',
  reopen: '重新核实',
  hand_over: '移交',
  accept: '接收',
  handle: '开始办理',
  conclude: '办结',
  decline: '退回',
};

// 巡察报告: 起草 → 报送领导小组 → 审定, or 退回 with comments and a new version. Table: report.status.ts.
export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export const ReportStatus = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatus>;
export const reportStatusLabel: Record<ReportStatus, string> = {
  draft: '起草中',
  submitted: '已报送',
  returned: '已退回',
  approved: '已审定',
};
export const REPORT_EVENTS = ['submit', 'approve', 'return'] as const;
export const ReportEvent = z.enum(REPORT_EVENTS);
export type ReportEvent = z.infer<typeof ReportEvent>;
export const reportEventLabel: Record<ReportEvent, string> = {
  submit: '报送',
  approve: '审定通过',
  return: '退回修改',
};

// 移交 (DOMAIN.md §5): 件件有着落、事事有回音 — a handover reaches 办结 only through a reported result.
// Table: handover.status.ts.
export const HANDOVER_STATUSES = ['sent', 'accepted', 'handling', 'concluded', 'closed', 'declined'] as const;
export const HandoverStatus = z.enum(HANDOVER_STATUSES);
export type HandoverStatus = z.infer<typeof HandoverStatus>;
export const handoverStatusLabel: Record<HandoverStatus, string> = {
  sent: '已移交',
  accepted: '已接收',
  handling: '办理中',
  concluded: '已反馈结果',
  closed: '已办结',
  declined: '已退回',
};
export const HANDOVER_EVENTS = ['accept', 'progress', 'conclude', 'close', 'request_more', 'decline'] as const;
export const HandoverEvent = z.enum(HANDOVER_EVENTS);
export type HandoverEvent = z.infer<typeof HandoverEvent>;
export const handoverEventLabel: Record<HandoverEvent, string> = {
  accept: '接收',
  progress: '报告办理进展',
  conclude: '反馈处置结果',
  close: '确认办结',
  request_more: '要求补充结果',
  decline: '退回',
};

// 整改方案 (DOMAIN.md §6): the unit drafts and its head submits; 巡察办 returns (退回重来) or approves.
// Editing (a new version) is allowed in draft and returned. Table: rectification-plan/plan.status.ts.
export const PLAN_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export const PlanStatus = z.enum(PLAN_STATUSES);
export type PlanStatus = z.infer<typeof PlanStatus>;
export const planStatusLabel: Record<PlanStatus, string> = {
  draft: '起草中',
  submitted: '待审核',
  returned: '退回重来',
  approved: '审核通过',
};
export const PLAN_EVENTS = ['submit', 'approve', 'return'] as const;
export const PlanEvent = z.enum(PLAN_EVENTS);
export type PlanEvent = z.infer<typeof PlanEvent>;
export const planEventLabel: Record<PlanEvent, string> = {
  submit: '报送审核',
  approve: '审核通过',
  return: '退回重来',
};

// 见底清零: a case is signed off only when every task is closed and every handover has a result.
export const RECTIFICATION_STATUSES = ['rectifying', 'signed_off'] as const;
export const RectificationStatus = z.enum(RECTIFICATION_STATUSES);
export type RectificationStatus = z.infer<typeof RectificationStatus>;
export const rectificationStatusLabel: Record<RectificationStatus, string> = {
  rectifying: '整改中',
  signed_off: '已见底清零',
};

// 督办单 (DOMAIN.md §7): answered by the unit by a deadline; unanswered for N days → 领导小组 (escalated);
// an unsatisfactory answer is sent back (reject → issued). Table: supervision/supervision.status.ts.
export const SUPERVISION_STATUSES = ['issued', 'escalated', 'answered', 'closed'] as const;
export const SupervisionStatus = z.enum(SUPERVISION_STATUSES);
export type SupervisionStatus = z.infer<typeof SupervisionStatus>;
export const supervisionStatusLabel: Record<SupervisionStatus, string> = {
  issued: '待答复',
  escalated: '已提级督办',
  answered: '已答复',
  closed: '已办结',
};
export const SUPERVISION_EVENTS = ['answer', 'escalate', 'reject', 'close'] as const;
export const SupervisionEvent = z.enum(SUPERVISION_EVENTS);
export type SupervisionEvent = z.infer<typeof SupervisionEvent>;
export const supervisionEventLabel: Record<SupervisionEvent, string> = {
  answer: '答复',
  escalate: '提级至领导小组',
  reject: '答复不满意，继续督办',
  close: '办结',
};

// 回访 / 回头看: planned, then conducted (outcome per task) or cancelled.
export const REVISIT_STATUSES = ['planned', 'done', 'cancelled'] as const;
export const RevisitStatus = z.enum(REVISIT_STATUSES);
export type RevisitStatus = z.infer<typeof RevisitStatus>;
export const revisitStatusLabel: Record<RevisitStatus, string> = {
  planned: '已安排',
  done: '已回访',
  cancelled: '已取消',
};
export const REVISIT_EVENTS = ['conduct', 'cancel'] as const;
export const RevisitEvent = z.enum(REVISIT_EVENTS);
export type RevisitEvent = z.infer<typeof RevisitEvent>;
export const revisitEventLabel: Record<RevisitEvent, string> = { conduct: '记录回访结果', cancel: '取消' };

// 问责: proposal → decision, or withdrawn. Table: accountability/accountability.status.ts.
export const ACCOUNTABILITY_STATUSES = ['proposed', 'decided', 'withdrawn'] as const;
export const AccountabilityStatus = z.enum(ACCOUNTABILITY_STATUSES);
export type AccountabilityStatus = z.infer<typeof AccountabilityStatus>;
export const accountabilityStatusLabel: Record<AccountabilityStatus, string> = {
  proposed: '已提出建议',
  decided: '已作出决定',
  withdrawn: '已撤回',
};
export const ACCOUNTABILITY_EVENTS = ['decide', 'withdraw'] as const;
export const AccountabilityEvent = z.enum(ACCOUNTABILITY_EVENTS);
export type AccountabilityEvent = z.infer<typeof AccountabilityEvent>;
export const accountabilityEventLabel: Record<AccountabilityEvent, string> = { decide: '作出决定', withdraw: '撤回' };
