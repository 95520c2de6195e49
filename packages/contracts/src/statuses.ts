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
