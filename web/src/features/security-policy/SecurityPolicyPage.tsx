// 安全策略 (安全管理员): password rules, lockout, two-factor requirement, session limits and the IP allow-list.
// Every bound has a floor the server enforces (等保 第三级); every save is audited with before and after.
import { useQuery } from '@tanstack/react-query';
import {
  type SecurityPolicy,
  type SecurityPolicyView,
  TWO_FACTOR_SCOPES,
  twoFactorScopeLabel,
} from '@xuncha/contracts';
import { Alert, Button, Card, Col, Form, InputNumber, Row, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { api } from '../../app/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';

const KEY = ['security-policy'] as const;
type NumberField = Exclude<keyof SecurityPolicy, 'twoFactor' | 'allowedNetworks' | 'adminAllowedNetworks'>;

const SECTIONS: { title: string; fields: [NumberField, string, number, number, string?][] }[] = [
  {
    title: '密码规则',
    fields: [
      ['passwordMinLength', '最小长度（位）', 10, 64],
      ['passwordMinClasses', '字符类别（大写/小写/数字/符号）至少', 3, 4],
      ['passwordHistory', '不得与最近几次密码相同', 5, 24],
      ['passwordMaxAgeDays', '密码有效期（天）', 0, 365, '0 表示不过期；到期后登录须先修改密码'],
    ],
  },
  {
    title: '登录失败锁定',
    fields: [
      ['lockoutThreshold', '同一账号连续失败次数', 3, 5],
      ['lockoutWindowMinutes', '失败计数时间窗（分钟）', 5, 1440],
      ['lockoutMinutes', '锁定时长（分钟）', 15, 1440],
      ['ipLockoutThreshold', '同一 IP 地址失败次数（跨账号）', 5, 200],
    ],
  },
  {
    title: '会话',
    fields: [
      ['sessionIdleMinutes', '空闲超时（分钟）', 5, 120],
      ['sessionMaxHours', '最长登录时间（小时）', 1, 24],
      ['maxConcurrentSessions', '同一账号同时在线会话数', 1, 10, '超出时最早的会话被结束'],
    ],
  },
];

export function SecurityPolicyPage() {
  const [form] = Form.useForm<SecurityPolicy>();
  const view = useQuery({ queryKey: KEY, queryFn: () => api.get<SecurityPolicyView>('/api/security-policy') });
  const save = useApiMutation({
    mutationFn: (policy: SecurityPolicy) => api.put<SecurityPolicyView>('/api/security-policy', policy),
    successMessage: '安全策略已保存',
    invalidate: [KEY],
    form,
  });
  useEffect(() => {
    if (view.data) form.setFieldsValue(view.data.policy);
  }, [view.data, form]);
  return (
    <PageContainer title="安全策略">
      {view.isError && <ListError error={view.error} />}
      {view.data?.updatedAt && (
        <Typography.Paragraph type="secondary">
          最近修改：{formatDateTime(view.data.updatedAt)} {view.data.updatedByName}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} disabled={view.isPending}>
        {SECTIONS.map((section) => (
          <Card key={section.title} title={section.title} size="small" style={{ marginBottom: 16 }}>
            <Row gutter={24}>
              {section.fields.map(([name, label, min, max, extra]) => (
                <Col key={name} xs={24} md={12} xl={6}>
                  <Form.Item
                    name={name}
                    label={label}
                    extra={extra ?? `${min}–${max}`}
                    rules={[{ required: true, message: `请填写${label}` }]}
                  >
                    <InputNumber
                      min={min}
                      max={max}
                      precision={0}
                      style={{ width: '100%' }}
                      data-testid={`policy-${name}`}
                    />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </Card>
        ))}
        <Card title="双因素认证与访问地址" size="small" style={{ marginBottom: 16 }}>
          <Form.Item name="twoFactor" label="必须启用动态验证码的用户">
            <Select
              options={TWO_FACTOR_SCOPES.map((v) => ({ value: v, label: twoFactorScopeLabel[v] }))}
              style={{ maxWidth: 520 }}
            />
          </Form.Item>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="IP 地址白名单：为空表示不限制；填写后只允许从所列网段登录（如 10.0.0.0/8、192.168.1.10），其他地址的登录被拒绝并记入审计日志。"
          />
          <Form.Item name="allowedNetworks" label="全部用户允许登录的网段">
            <Select mode="tags" tokenSeparators={[',', ' ', '，']} placeholder="不限制" open={false} />
          </Form.Item>
          <Form.Item name="adminAllowedNetworks" label="三员（系统管理员、安全管理员、安全审计员）另行限制的网段">
            <Select mode="tags" tokenSeparators={[',', ' ', '，']} placeholder="不另行限制" open={false} />
          </Form.Item>
        </Card>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="policy-save">
          保存安全策略
        </Button>
      </Form>
    </PageContainer>
  );
}
