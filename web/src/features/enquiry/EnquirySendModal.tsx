import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { type EnquiryRecipientKind, enquiryRecipientKindLabel } from '@xuncha/contracts';
import { Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '../../shared/FormModal.tsx';
import { optionsOf } from '../../shared/options.ts';
import { todayInShanghai } from '../../shared/today.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { UnitSelect } from '../org/UnitSelect.tsx';
import { ENQUIRY_KEYS, sendEnquiries } from './api.ts';

type Recipient = { unitId?: string; kind?: EnquiryRecipientKind };
type Values = { recipients: Recipient[]; subject: string; dueDate: Dayjs };

const DEFAULT_KINDS: EnquiryRecipientKind[] = ['discipline', 'organization', 'petition', 'audit', 'legal'];

type Props = { inspection: { id: string; committeeId: string; unitName: string }; onClose: () => void };

/** 发出函询: one subject and due date, several recipients (纪委监委, 组织部, 信访, 审计, 政法) at once. */
export function EnquirySendModal({ inspection, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const mutation = useApiMutation({
    mutationFn: ({ recipients, subject, dueDate }: Values) =>
      sendEnquiries(inspection.id, {
        recipients: recipients.map((r) => ({ unitId: r.unitId ?? '', kind: r.kind ?? 'discipline' })),
        subject,
        dueDate: dueDate.format('YYYY-MM-DD'),
      }),
    invalidate: ENQUIRY_KEYS,
    successMessage: '函询已发出',
    form,
    onSuccess: onClose,
  });
  const initial = {
    recipients: DEFAULT_KINDS.map((kind) => ({ kind })),
    subject: `请提供${inspection.unitName}领导班子及其成员有关情况（廉洁自律、信访举报、审计、选人用人、涉法涉诉等）`,
    dueDate: todayInShanghai().add(10, 'day'),
  };
  return (
    <FormModal form={form} loading={mutation.isPending} onClose={onClose} title="发出函询" okText="发出" width={720}>
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => mutation.mutate(v)}>
        <Form.List name="recipients">
          {(fields, { add, remove }) => (
            <Form.Item label="函询对象" required>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item name={[field.name, 'kind']} rules={[{ required: true, message: '请选择类别' }]}>
                    <Select style={{ width: 120 }} options={optionsOf(enquiryRecipientKindLabel)} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'unitId']}
                    style={{ flex: 1 }}
                    rules={[{ required: true, message: '请选择函询对象单位' }]}
                  >
                    <UnitSelect
                      committeeId={inspection.committeeId}
                      placeholder="如：区纪委监委、区信访局"
                      testId="enquiry-recipient"
                    />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} aria-label="移除" />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'discipline' })}>
                添加函询对象
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item
          name="subject"
          label="函询事项"
          rules={[{ required: true, whitespace: true, message: '请填写函询事项' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="enquiry-subject" />
        </Form.Item>
        <Form.Item name="dueDate" label="答复期限" rules={[{ required: true, message: '请选择答复期限' }]}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(todayInShanghai(), 'day')}
            data-testid="enquiry-due"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
