import { type AdvanceEvent, inspectionEventLabel } from '@xuncha/contracts';
import { Button, Space } from 'antd';
import { useState } from 'react';
import type { Inspection } from '../../app/types.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { advanceInspection } from './api.ts';
import { FeedbackModal } from './FeedbackModal.tsx';
import { InspectionEditModal } from './InspectionEditModal.tsx';

/** The phase steps in order; feedback has its own dialog. */
const STEPS: AdvanceEvent[] = ['station', 'investigate', 'report', 'rectify', 'evaluate', 'archive'];

/** Phase buttons, each shown only when the server says this user may take that step now. */
export function InspectionActions({ inspection }: { inspection: Inspection }) {
  const [feedbackOpen, setFeedbackOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const advance = useApiMutation({
    mutationFn: (event: AdvanceEvent) => advanceInspection(inspection.id, event),
    invalidate: [['inspection', inspection.id], ['inspections']],
    successMessage: '巡察阶段已更新',
  });
  const { abilities } = inspection;
  return (
    <Space wrap>
      {abilities.update && (
        <Button onClick={() => setEditing(true)} data-testid="inspection-edit">
          修改安排
        </Button>
      )}
      {STEPS.filter((event) => abilities[event]).map((event) => (
        <Button
          key={event}
          type="primary"
          loading={advance.isPending && advance.variables === event}
          onClick={() => advance.mutate(event)}
          data-testid={`inspection-${event}`}
        >
          {inspectionEventLabel[event]}
        </Button>
      ))}
      {abilities.issueFeedback && (
        <Button type="primary" onClick={() => setFeedbackOpen(true)} data-testid="issue-feedback">
          反馈意见
        </Button>
      )}
      {editing && <InspectionEditModal inspection={inspection} onClose={() => setEditing(false)} />}
      {feedbackOpen && <FeedbackModal inspection={inspection} onClose={() => setFeedbackOpen(false)} />}
    </Space>
  );
}
