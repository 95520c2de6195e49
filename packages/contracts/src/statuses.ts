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
