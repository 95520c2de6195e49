import {
  defaultRoleOfPost,
  type MemberBody,
  type MemberPost,
  memberPost,
  postsOfBody,
  roleLabel,
} from '@xuncha/contracts';
import { Alert, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '../../shared/FormModal.tsx';
import { todayInShanghai } from '../../shared/today.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { addMember, useCommitteePeople } from './api.ts';

type Values = { post: MemberPost; name: string; title?: string; userId?: string; startedOn: Dayjs };

/** Adds a member; picking an account shows which role the post will grant it. */
export function MemberCreateModal({
  committeeId,
  body,
  onClose,
}: {
  committeeId: string;
  body: MemberBody;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const post = Form.useWatch('post', form);
  const userId = Form.useWatch('userId', form);
  const people = useCommitteePeople(committeeId);
  const mutation = useApiMutation({
    mutationFn: ({ startedOn, ...values }: Values) =>
      addMember(committeeId, { ...values, body, startedOn: startedOn.format('YYYY-MM-DD') }),
    invalidate: [['members']],
    successMessage: '成员已添加',
    form,
    onSuccess: onClose,
  });
  const role = post ? defaultRoleOfPost[post] : null;

  return (
    <FormModal
      form={form}
      loading={mutation.isPending}
      onClose={onClose}
      title={body === 'leading_group' ? '添加领导小组成员' : '添加巡察办人员'}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ startedOn: todayInShanghai() }}
        onFinish={(values) => mutation.mutate(values)}
      >
        <Form.Item name="post" label="职务" rules={[{ required: true, message: '请选择职务' }]}>
          <Select
            options={postsOfBody[body].map((p) => ({ value: p, label: memberPost.labels[p] }))}
            data-testid="member-post"
          />
        </Form.Item>
        <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input maxLength={50} data-testid="member-name" />
        </Form.Item>
        <Form.Item name="title" label="现任职务">
          <Input maxLength={100} placeholder="如：区委副书记" />
        </Form.Item>
        <Form.Item name="userId" label="关联系统账号" extra="三员（系统管理员、安全管理员、安全审计员）账号不能关联">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={people.isPending}
            options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: p.displayName }))}
            onChange={(id) => {
              const person = people.data?.items.find((p) => p.id === id);
              if (person && !form.getFieldValue('name')) form.setFieldValue('name', person.displayName);
            }}
            data-testid="member-user"
          />
        </Form.Item>
        {userId && post && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={
              role
                ? `该职务将为账号授予“${roleLabel[role]}”角色（已持有则不重复授予），离任时收回。`
                : '“成员”职务不授予系统角色。'
            }
          />
        )}
        <Form.Item name="startedOn" label="任职日期" rules={[{ required: true, message: '请选择任职日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
