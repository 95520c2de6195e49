// One account's grants, and the form to add one (安全管理员). The server checks the role's scope kinds,
// the 三员 rule and that nobody changes their own roles; its Chinese refusal is shown as it comes.
import { type RoleCode, roleLabel, type ScopeKind } from '@xuncha/contracts';
import { Button, Drawer, Empty, Form, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useCurrentUser } from '../../app/auth.ts';
import { optionsOf } from '../../shared/options.ts';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { UnitSelect } from '../org/UnitSelect.tsx';
import { type AdminUser, grantRole, revokeRole, USERS_KEY, useAdminUser } from './api.ts';
import { StateTags } from './UserColumns.tsx';

const SCOPE_LABEL: Record<Exclude<ScopeKind, 'inspection'>, string> = {
  committee: '本党委',
  unit: '单位（含下级）',
  self: '仅本人',
};
type Values = { role: RoleCode; scopeKind: Exclude<ScopeKind, 'inspection'>; unitId?: string };

function GrantForm({ user }: { user: AdminUser }) {
  const [form] = Form.useForm<Values>();
  const me = useCurrentUser();
  const scopeKind = Form.useWatch('scopeKind', form);
  const grant = useApiMutation({
    mutationFn: (v: Values) =>
      grantRole(user.id, {
        role: v.role,
        scopeKind: v.scopeKind,
        scopeId: v.scopeKind === 'committee' ? me.committeeId : v.scopeKind === 'unit' ? (v.unitId ?? null) : null,
      }),
    invalidate: [[USERS_KEY]],
    successMessage: '已授予角色',
    form,
    fieldAliases: { scopeId: 'unitId' },
    onSuccess: () => form.resetFields(),
  });
  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ scopeKind: 'committee' }} onFinish={grant.mutate}>
      <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
        <Select options={optionsOf(roleLabel)} data-testid="grant-role" />
      </Form.Item>
      <Form.Item name="scopeKind" label="授权范围">
        <Select options={optionsOf(SCOPE_LABEL)} />
      </Form.Item>
      {scopeKind === 'unit' && (
        <Form.Item name="unitId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
          <UnitSelect />
        </Form.Item>
      )}
      <Typography.Paragraph type="secondary">
        巡察组组长、组员按巡察授权，在“巡察组”中随组成员自动授予。三员（系统管理员、安全管理员、安全审计员）互斥，且不得兼任业务角色。
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" loading={grant.isPending} data-testid="grant-submit">
        授予
      </Button>
    </Form>
  );
}

function Grants({ user, self }: { user: AdminUser; self: boolean }) {
  const revoke = useApiMutation({
    mutationFn: (grantId: string) => revokeRole(user.id, grantId),
    invalidate: [[USERS_KEY]],
    successMessage: '已撤销授权',
  });
  return (
    <List
      header={
        <Space>
          当前授权
          <StateTags user={user} />
        </Space>
      }
      locale={{ emptyText: <Empty description="尚未授予任何角色" /> }}
      dataSource={user.grants}
      renderItem={(g) => (
        <List.Item
          actions={
            self
              ? []
              : [
                  <Popconfirm key="revoke" title="确定撤销该授权？" onConfirm={() => revoke.mutate(g.id)}>
                    <Button type="link" danger size="small">
                      撤销
                    </Button>
                  </Popconfirm>,
                ]
          }
        >
          <Tag color="blue">{roleLabel[g.role]}</Tag>
          {g.scopeName ?? SCOPE_LABEL.self}
        </List.Item>
      )}
    />
  );
}

export function GrantDrawer({ userId, onClose }: { userId: string; onClose: () => void }) {
  const me = useCurrentUser();
  const user = useAdminUser(userId);
  const self = userId === me.id;
  return (
    <Drawer open width={520} onClose={onClose} title={user.data ? `角色授权：${user.data.displayName}` : '角色授权'}>
      <QueryBoundary query={user}>
        {(u) => (
          <>
            <Grants user={u} self={self} />
            {self ? (
              <Typography.Text type="secondary">安全管理员不能修改自己的角色。</Typography.Text>
            ) : (
              <GrantForm user={u} />
            )}
          </>
        )}
      </QueryBoundary>
    </Drawer>
  );
}
