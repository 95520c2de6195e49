import { type SupervisionReason, supervisionReason } from '@xuncha/contracts';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { optionsOf } from '../../shared/options.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { issueOrder, SUPERVISION_KEYS, useCases } from './api.ts';

export interface IssueDraft {
  rectificationId?: string;
  taskId?: string;
  taskTitle?: string;
  reason?: SupervisionReason;
}

type Values = { rectificationId: string; reason: SupervisionReason; content: string; responseDue?: Dayjs };

/** 下发督办单: to a unit's rectification, or (from a suggestion) to one of its tasks. */
export function IssueModal({ draft, onClose }: { draft: IssueDraft; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const cases = useCases();
  const issue = useApiMutation({
    mutationFn: (v: Values) =>
      issueOrder(v.rectificationId, {
        reason: v.reason,
        content: v.content,
        taskId: draft.taskId,
        responseDue: v.responseDue?.format('YYYY-MM-DD'),
      }),
    invalidate: SUPERVISION_KEYS,
    successMessage: '督办单已下发',
    form,
    onSuccess: onClose,
  });
  return (
    <Modal
      open
      title={draft.taskTitle ? `督办任务：${draft.taskTitle}` : '下发督办单'}
      okText="下发"
      onOk={() => form.submit()}
      confirmLoading={issue.isPending}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ ...({ 'data-testid': 'supervision-issue-submit' } as object) }}
    >
      <Form form={form} layout="vertical" initialValues={draft} onFinish={(v) => issue.mutate(v)}>
        {/* dozens of cases, some units inspected in more than one round: searchable, named with the round */}
        <Form.Item name="rectificationId" label="被督办单位" rules={[{ required: true, message: '请选择单位' }]}>
          <Select
            disabled={Boolean(draft.rectificationId)}
            loading={cases.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            options={cases.data?.items.map((c) => ({ value: c.id, label: `${c.unitName}（${c.roundName}）` }))}
            data-testid="supervision-issue-case"
          />
        </Form.Item>
        <Form.Item name="reason" label="督办事由" rules={[{ required: true, message: '请选择督办事由' }]}>
          <Select options={optionsOf(supervisionReason.labels)} data-testid="supervision-issue-reason" />
        </Form.Item>
        <Form.Item name="content" label="督办事项" rules={[{ required: true, message: '请填写督办事项' }]}>
          <Input.TextArea rows={4} maxLength={2000} data-testid="supervision-issue-content" />
        </Form.Item>
        <Form.Item name="responseDue" label="答复期限" extra="不填则按时限设置（默认 10 个工作日）">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
