// 时限设置: the committee's time limits (按规定时限); each can be changed, the defaults are shown as such.
import { useQuery } from '@tanstack/react-query';
import { type SweepResult, type TimeLimit, type TimeLimitUnit, timeLimitUnit } from '@xuncha/contracts';
import { Alert, Button, Form, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api.ts';
import { useCurrentUser } from '../../app/auth.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { optionsOf } from '../../shared/options.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';

type Limits = { items: TimeLimit[]; canManage: boolean };
type Values = { amount: number; unit: TimeLimitUnit };

const limitsPath = (committeeId: string) => `/api/committees/${committeeId}/time-limits`;

function EditModal({ committeeId, limit, onClose }: { committeeId: string; limit: TimeLimit; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const mutation = useApiMutation({
    mutationFn: (v: Values) => api.put<Limits>(`${limitsPath(committeeId)}/${limit.code}`, v),
    invalidate: [['time-limits']],
    successMessage: '时限已保存',
    form,
    onSuccess: onClose,
  });
  return (
    <FormModal form={form} loading={mutation.isPending} onClose={onClose} title={`设置时限：${limit.label}`}>
      <Form<Values>
        form={form}
        layout="inline"
        initialValues={{ amount: limit.amount, unit: limit.unit }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Form.Item name="amount" rules={[{ required: true, message: '请填写时限' }]}>
          <InputNumber min={1} max={365} precision={0} data-testid="time-limit-amount" />
        </Form.Item>
        <Form.Item name="unit">
          <Select style={{ width: 100 }} options={optionsOf(timeLimitUnit.labels)} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** Runs the reminder sweep now (it also runs on the server's timer) and says what it created. */
function SweepButton() {
  const sweep = useApiMutation({
    mutationFn: () => api.post<SweepResult>('/api/reminders/sweep'),
    invalidate: [['notifications']],
    successMessage: '提醒扫描已完成',
    onSuccess: (r) => setResult(r),
  });
  const [result, setResult] = useState<SweepResult>();
  return (
    <Space>
      {result && (
        <span data-testid="sweep-result">
          {result.skipped ? '其他进程正在扫描，本次跳过' : `新建提醒 ${result.created} 条（${result.asOf}）`}
        </span>
      )}
      <Button data-testid="sweep-run" loading={sweep.isPending} onClick={() => sweep.mutate(undefined)}>
        立即扫描到期提醒
      </Button>
    </Space>
  );
}

export function TimeLimitPage() {
  const { committeeId } = useCurrentUser();
  const [editing, setEditing] = useState<TimeLimit>();
  const limits = useQuery({
    queryKey: ['time-limits', committeeId],
    queryFn: () => api.get<Limits>(limitsPath(committeeId ?? '')),
    enabled: committeeId !== null,
  });
  return (
    <PageContainer title="时限设置" extra={<SweepButton />}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="新移交、新任务、整改方案和督办单按此处时限计算期限（工作日按工作日历跳过节假日）；修改不影响已经确定的期限。到期提醒按“到期前第一次/第二次提醒”的时限每 10 分钟扫描一次。"
      />
      <ListError error={limits.error} />
      <Table<TimeLimit>
        rowKey="code"
        loading={limits.isFetching}
        dataSource={limits.data?.items}
        pagination={false}
        data-testid="time-limit-table"
        columns={[
          { title: '时限事项', dataIndex: 'label' },
          {
            title: '时限',
            key: 'value',
            render: (_, l) => (
              <Space>
                {l.amount}
                {timeLimitUnit.labels[l.unit]}
                {l.isDefault && <Tag>默认</Tag>}
              </Space>
            ),
          },
          { title: '修改时间', dataIndex: 'updatedAt', render: formatDateTime },
          {
            title: '操作',
            key: 'actions',
            render: (_, l) =>
              limits.data?.canManage && (
                <Button size="small" onClick={() => setEditing(l)} data-testid="time-limit-edit">
                  修改
                </Button>
              ),
          },
        ]}
      />
      {editing && committeeId && (
        <EditModal committeeId={committeeId} limit={editing} onClose={() => setEditing(undefined)} />
      )}
    </PageContainer>
  );
}
