import {
  INSPECTION_PHASES,
  type InspectionDetail,
  inspectionEventLabel,
  inspectionPhaseLabel,
  inspectionType,
} from '@xuncha/contracts';
import { Space, Steps, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../shared/format.ts';

/** 准备 → … → 归档 with the current phase highlighted. */
export function PhaseSteps({ inspection }: { inspection: InspectionDetail }) {
  const current = INSPECTION_PHASES.indexOf(inspection.phase);
  return (
    <Steps
      size="small"
      current={current}
      status={inspection.phase === 'archived' ? 'finish' : 'process'}
      items={INSPECTION_PHASES.map((phase) => ({ title: inspectionPhaseLabel[phase] }))}
      data-testid="inspection-phase-steps"
    />
  );
}

/** Who moved the inspection to each phase, and when. */
export function PhaseHistory({ inspection }: { inspection: InspectionDetail }) {
  if (inspection.history.length === 0) return <Typography.Text type="secondary">暂无阶段记录</Typography.Text>;
  return (
    <Timeline
      data-testid="inspection-phase-history"
      items={inspection.history.map((step) => ({
        children: (
          <Space size={12} wrap>
            <span>{step.event === 'create' ? '创建巡察' : inspectionEventLabel[step.event]}</span>
            <Typography.Text type="secondary">→ {inspectionPhaseLabel[step.toPhase]}</Typography.Text>
            <span>{step.actorName ?? '系统'}</span>
            <Typography.Text type="secondary">{formatDateTime(step.at)}</Typography.Text>
          </Space>
        ),
      }))}
    />
  );
}

/** 回头看 links: the earlier inspection and the later revisits. */
export function LookbackLinks({ inspection }: { inspection: InspectionDetail }) {
  const linked = [
    ...(inspection.previousInspection ? [{ ...inspection.previousInspection, role: '此前的巡察' }] : []),
    ...inspection.revisits.map((r) => ({ ...r, role: inspectionType.labels[r.type] })),
  ];
  if (linked.length === 0) return null;
  return (
    <Space wrap>
      {linked.map((l) => (
        <Link key={l.id} to={`/inspections/${l.id}`}>
          {l.role}：{l.roundName}（{formatDate(l.startDate)}）
        </Link>
      ))}
    </Space>
  );
}
