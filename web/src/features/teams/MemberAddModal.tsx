import { TEAM_POSTS, teamPostLabel } from '@xuncha/contracts';
import { Alert, Checkbox, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../shared/FormModal.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { useDebounced } from '../../shared/useDebounced.ts';
import { addMember, useAvoidancePreview, useCadreSearch } from './api.ts';

type Values = {
  cadreId: string;
  post: (typeof TEAM_POSTS)[number];
  isBranchSecretary: boolean;
  overrideReason?: string;
};

/**
 * Adds a cadre to the team. The 回避 check runs as soon as a cadre is picked, so the office sees the exact
 * reasons before saving; a leader (avoidance.override) may approve an exception with a reason.
 */
export function MemberAddModal({
  teamId,
  canOverride,
  onClose,
}: {
  teamId: string;
  canOverride: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [keyword, setKeyword] = useState('');
  const cadres = useCadreSearch(useDebounced(keyword.trim()));
  const cadreId = Form.useWatch('cadreId', form);
  const conflicts = useAvoidancePreview(teamId, cadreId).data?.items ?? [];
  // one conflict per target unit; a rule about the cadre's own unit reads the same for every target
  const reasons = [...new Set(conflicts.map((c) => c.message))];
  const mutation = useApiMutation({
    mutationFn: ({ overrideReason, ...values }: Values) =>
      addMember(teamId, { ...values, ...(overrideReason ? { override: { reason: overrideReason } } : {}) }),
    invalidate: [['team', teamId], ['teams']],
    successMessage: '已加入巡察组',
    form,
    fieldAliases: { 'override.reason': 'overrideReason' },
    onSuccess: onClose,
  });
  return (
    <FormModal
      form={form}
      loading={mutation.isPending}
      onClose={onClose}
      title="添加组员"
      okButtonProps={{ id: 'member-save', ...({ 'data-testid': 'member-save' } as Record<string, string>) }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ post: 'member', isBranchSecretary: false }}
        onFinish={mutation.mutate}
      >
        <Form.Item name="cadreId" label="巡察干部" rules={[{ required: true, message: '请选择巡察干部' }]}>
          <Select
            data-testid="member-cadre-select"
            placeholder="输入姓名搜索人才库"
            showSearch={{ filterOption: false, onSearch: setKeyword }}
            loading={cadres.isFetching}
            options={(cadres.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.homeUnitName}）` }))}
          />
        </Form.Item>
        {conflicts.length > 0 && (
          <Alert
            data-testid="avoidance-alert"
            type={canOverride ? 'warning' : 'error'}
            showIcon
            style={{ marginBottom: 16 }}
            message="该干部须回避"
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            }
          />
        )}
        {conflicts.length > 0 && canOverride && (
          <Form.Item
            name="overrideReason"
            label="例外批准理由"
            rules={[{ required: true, whitespace: true, message: '请填写例外批准理由' }]}
          >
            <Input.TextArea rows={2} maxLength={500} data-testid="avoidance-override-reason" />
          </Form.Item>
        )}
        <Form.Item name="post" label="职务" rules={[{ required: true, message: '请选择职务' }]}>
          <Select
            data-testid="member-post-select"
            options={TEAM_POSTS.map((p) => ({ value: p, label: teamPostLabel[p] }))}
          />
        </Form.Item>
        <Form.Item name="isBranchSecretary" valuePropName="checked">
          <Checkbox data-testid="member-branch-secretary">临时党支部书记</Checkbox>
        </Form.Item>
      </Form>
    </FormModal>
  );
}
