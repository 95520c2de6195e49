import { decisionKind } from '@xuncha/contracts';
import { Form, Input, Select } from 'antd';
import { FormModal } from '../../shared/FormModal.tsx';
import { formatDate } from '../../shared/format.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { decideReport, reportKey, useInspectionDecisions } from './api.ts';

type Values = { comment?: string; decisionId?: string };
type Props = { inspectionId: string; event: 'approve' | 'return'; onClose: () => void };

/** 领导小组 审定 (with an optional comment and the meeting decision) or 退回 (with required comments). */
export function ReportDecisionModal({ inspectionId, event, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const approving = event === 'approve';
  const decisions = useInspectionDecisions(inspectionId);
  const mutation = useApiMutation({
    mutationFn: (values: Values) => decideReport(inspectionId, event, values),
    invalidate: [reportKey(inspectionId, 'report'), reportKey(inspectionId, 'feedback'), ['decisions', inspectionId]],
    successMessage: approving ? '巡察报告已审定' : '巡察报告已退回巡察组修改',
    form,
    onSuccess: onClose,
  });
  const options = (decisions.data?.items ?? [])
    .filter((d) => d.kind === 'approve_report')
    .map((d) => ({ value: d.id, label: `${formatDate(d.heldOn)} ${d.meetingTitle}：${decisionKind.labels[d.kind]}` }));
  return (
    <FormModal
      form={form}
      loading={mutation.isPending}
      onClose={onClose}
      title={approving ? '审定巡察报告' : '退回巡察报告'}
      okText={approving ? '审定通过' : '退回修改'}
      okButtonProps={{ danger: !approving }}
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)}>
        <Form.Item
          name="comment"
          label={approving ? '审定意见' : '退回意见'}
          rules={approving ? [] : [{ required: true, whitespace: true, message: '请填写退回意见' }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="report-decision-comment" />
        </Form.Item>
        {approving && (
          <Form.Item name="decisionId" label="依据的会议决定" extra="如已在“会议记录”登记了审定决定，可在此关联">
            <Select allowClear placeholder="不关联" options={options} loading={decisions.isPending} />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
