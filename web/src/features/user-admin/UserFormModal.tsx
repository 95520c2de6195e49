// 新建用户 / 编辑用户 (系统管理员). A new account gets an initial password the user must change at first login.
import { Form, Input } from 'antd';
import { useCurrentUser } from '../../app/auth.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { UnitSelect } from '../org/UnitSelect.tsx';
import { type AdminUser, createUser, USERS_KEY, updateUser } from './api.ts';

type Values = { username: string; displayName: string; unitId?: string; initialPassword: string };

export const PASSWORD_HINT = '至少 10 位，含大写字母、小写字母、数字、符号中的三类，且不含用户名';

export function UserFormModal({ user, onClose }: { user?: AdminUser; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const me = useCurrentUser();
  const mutation = useApiMutation({
    mutationFn: (v: Values) =>
      user
        ? updateUser(user.id, { displayName: v.displayName, unitId: v.unitId ?? null })
        : createUser({ ...v, unitId: v.unitId ?? null, committeeId: me.committeeId ?? '' }),
    invalidate: [[USERS_KEY]],
    successMessage: user ? '用户信息已保存' : '用户已创建，首次登录须修改初始密码',
    form,
    onSuccess: onClose,
  });
  return (
    <FormModal form={form} loading={mutation.isPending} onClose={onClose} title={user ? '编辑用户' : '新建用户'}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={user ? { displayName: user.displayName, unitId: user.unitId ?? undefined } : {}}
        onFinish={(v) => mutation.mutate(v)}
      >
        {!user && (
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请填写用户名' }]}>
            <Input data-testid="user-username" autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input data-testid="user-name" />
        </Form.Item>
        <Form.Item name="unitId" label="所属单位" extra="巡察办、领导小组等机关人员可不选">
          <UnitSelect testId="user-unit" />
        </Form.Item>
        {!user && (
          <Form.Item
            name="initialPassword"
            label="初始密码"
            extra={`${PASSWORD_HINT}；用户首次登录时须修改`}
            rules={[{ required: true, message: '请填写初始密码' }]}
          >
            <Input.Password data-testid="user-password" autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
