import { Alert, Form, Input } from 'antd';
import { FormModal } from '../../shared/FormModal.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { type AdminUser, resetPassword, USERS_KEY } from './api.ts';
import { PASSWORD_HINT } from './UserFormModal.tsx';

type Values = { newPassword: string };

export function PasswordResetModal({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const mutation = useApiMutation({
    mutationFn: (v: Values) => resetPassword(user.id, v),
    invalidate: [[USERS_KEY]],
    successMessage: '密码已重置，该用户已被强制下线',
    form,
    onSuccess: onClose,
  });
  return (
    <FormModal form={form} loading={mutation.isPending} onClose={onClose} title={`重置密码：${user.displayName}`}>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="重置后该用户所有会话立即结束，下次登录须修改密码。"
      />
      <Form<Values> form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)}>
        <Form.Item
          name="newPassword"
          label="新的临时密码"
          extra={PASSWORD_HINT}
          rules={[{ required: true, message: '请填写新的临时密码' }]}
        >
          <Input.Password data-testid="reset-password" autoComplete="new-password" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
