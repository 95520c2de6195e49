import { Button, Space } from 'antd';
import { useState } from 'react';
import type { Inspection } from '../../app/types.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { advanceInspection } from './api.ts';
import { FeedbackModal } from './FeedbackModal.tsx';

/** Phase buttons, each shown only when the server says this user may take that step now. */
export function InspectionActions({ inspection }: { inspection: Inspection }) {
  const [feedbackOpen, setFeedbackOpen] = useState(false);
  const advance = useApiMutation({
    mutationFn: (event: 'station' | 'report') => advanceInspection(inspection.id, event),
    invalidate: [['inspection', inspection.id], ['inspections']],
    successMessage: '巡察阶段已更新',
  });
  const { abilities } = inspection;
  return (
    <Space wrap>
      {abilities.station && (
        <Button
          type="primary"
          loading={advance.isPending && advance.variables === 'station'}
          onClick={() => advance.mutate('station')}
          data-testid="inspection-station"
        >
          进驻
        </Button>
      )}
      {abilities.report && (
        <Button
          type="primary"
          loading={advance.isPending && advance.variables === 'report'}
          onClick={() => advance.mutate('report')}
          data-testid="inspection-report"
        >
          进入报告阶段
        </Button>
      )}
      {abilities.issueFeedback && (
        <Button type="primary" onClick={() => setFeedbackOpen(true)} data-testid="issue-feedback">
          反馈意见
        </Button>
      )}
      {feedbackOpen && <FeedbackModal inspection={inspection} onClose={() => setFeedbackOpen(false)} />}
    </Space>
  );
}
