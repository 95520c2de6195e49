// 核实 a signal: 已核实（转督办/问责）or 排除, always with a note; the server refuses a second decision (409).
import type { SignalHandleInput } from '@xuncha/contracts';
import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { handleSignal, SIGNAL_KEYS, type SignalRow } from './api.ts';

export function HandleModal({ row, onClose }: { row: SignalRow; onClose: () => void }) {
  const [form] = Form.useForm<SignalHandleInput>();
  const handle = useApiMutation({
    mutationFn: (v: SignalHandleInput) => handleSignal(row.taskId, v),
    invalidate: SIGNAL_KEYS,
    successMessage: (v) => (v.decision === 'confirmed' ? '已核实，可下发督办单或提出问责' : '已排除该预警'),
    form,
    onSuccess: onClose,
  });
  return (
    <Modal
      open
      title={`核实预警：${row.taskTitle}`}
      okText="保存"
      onOk={() => form.submit()}
      confirmLoading={handle.isPending}
      onCancel={onClose}
      okButtonProps={{ ...({ 'data-testid': 'signal-handle-submit' } as object) }}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message={`${row.unitName}`}
        description={
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {row.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        }
      />
      <Form form={form} layout="vertical" initialValues={{ decision: 'confirmed' }} onFinish={(v) => handle.mutate(v)}>
        <Form.Item name="decision" label="核实结论" rules={[{ required: true, message: '请选择核实结论' }]}>
          <Radio.Group data-testid="signal-decision">
            <Radio value="confirmed">已核实（转督办/问责）</Radio>
            <Radio value="dismissed">排除（误报）</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="note"
          label="核实情况说明"
          rules={[{ required: true, whitespace: true, message: '请填写核实情况说明' }]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount data-testid="signal-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
