import { type CommitteeMember, memberPost } from '@xuncha/contracts';
import { DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '../../shared/FormModal.tsx';
import { todayInShanghai } from '../../shared/today.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { endMember } from './api.ts';

type Values = { endedOn: Dayjs; reason: string };

/** Ends a membership; the role its post granted is revoked with it. */
export function MemberEndModal({ member, onClose }: { member: CommitteeMember; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const mutation = useApiMutation({
    mutationFn: ({ endedOn, reason }: Values) =>
      endMember(member.id, { endedOn: endedOn.format('YYYY-MM-DD'), reason }),
    invalidate: [['members']],
    successMessage: '已办理离任',
    form,
    onSuccess: onClose,
  });
  return (
    <FormModal
      form={form}
      loading={mutation.isPending}
      onClose={onClose}
      okText="确认离任"
      title={`${member.name}（${memberPost.labels[member.post]}）离任`}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ endedOn: todayInShanghai() }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Form.Item name="endedOn" label="离任日期" rules={[{ required: true, message: '请选择离任日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="离任原因"
          rules={[{ required: true, whitespace: true, message: '请填写离任原因' }]}
        >
          <Input maxLength={200} placeholder="如：工作调动" data-testid="member-end-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
