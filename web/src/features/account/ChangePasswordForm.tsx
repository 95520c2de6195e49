// Change the own password; the rules are the server's (security policy), its messages go next to the fields.
import type { ChangePasswordInput } from '@xuncha/contracts';
import { Button, Form, Input } from 'antd';
import { api } from '../../app/api.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';

type Values = ChangePasswordInput & { confirm: string };

export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const [form] = Form.useForm<Values>();
  const change = useApiMutation({
    mutationFn: ({ currentPassword, newPassword }: Values) =>
      api.post<void>('/api/auth/password', { currentPassword, newPassword }),
    successMessage: '密码已修改，其他设备上的登录已退出',
    form,
    onSuccess: () => {
      form.resetFields();
      onChanged?.();
    },
  });
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 420 }}
      onFinish={(v) => change.mutate(v)}
      requiredMark={false}
    >
      <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label="新密码"
        extra="至少 10 位，包含大写字母、小写字母、数字、其他符号中的至少 3 类，不含用户名，不得与最近 5 次密码相同"
        rules={[{ required: true, message: '请输入新密码' }]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="确认新密码"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue('newPassword') === value
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的新密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
        修改密码
      </Button>
    </Form>
  );
}
