// Status tags with one colour per state, used by every list and detail page.
import {
  type FindingStatus,
  findingStatusLabel,
  type InspectionPhase,
  inspectionPhaseLabel,
  type Sensitivity,
  sensitivityLabel,
  type TaskStatus,
  taskStatusLabel,
} from '@xuncha/contracts';
import { Tag } from 'antd';

const taskStatusColor: Record<TaskStatus, string> = {
  open: 'default',
  in_progress: 'processing',
  submitted: 'gold',
  returned: 'error',
  partly_closed: 'cyan',
  closed: 'success',
};

const phaseColor: Record<InspectionPhase, string> = {
  preparing: 'default',
  stationed: 'blue',
  investigating: 'geekblue',
  reporting: 'purple',
  feedback: 'magenta',
  rectifying: 'orange',
  evaluating: 'cyan',
  archived: 'success',
};

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  return <Tag color={taskStatusColor[status]}>{taskStatusLabel[status]}</Tag>;
}

export function OverdueTag({ overdue }: { overdue: boolean }) {
  return overdue ? <Tag color="red">逾期</Tag> : null;
}

export function PhaseTag({ phase }: { phase: InspectionPhase }) {
  return <Tag color={phaseColor[phase]}>{inspectionPhaseLabel[phase]}</Tag>;
}

export function FindingStatusTag({ status }: { status: FindingStatus }) {
  return <Tag color={status === 'fed_back' ? 'blue' : 'default'}>{findingStatusLabel[status]}</Tag>;
}

const sensitivityColor: Record<Sensitivity, string> = { public: 'default', internal: 'blue', sensitive: 'red' };

/** 安全标记 (公开/内部/敏感) of a record carrying confidential content. */
export function SensitivityTag({ sensitivity }: { sensitivity: Sensitivity }) {
  return <Tag color={sensitivityColor[sensitivity]}>{sensitivityLabel[sensitivity]}</Tag>;
}
