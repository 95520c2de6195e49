// 凭回执码查询: the status of one report, the team's reply and the dates — nothing else.
import { publicReportStatusLabel } from '@xuncha/contracts';
import { Button, Card, Descriptions, Form, Input } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../shared/format.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { lookupStatus, type PublicReportStatusView } from './api.ts';
import { PublicLayout } from './PublicLayout.tsx';

export function PublicReportStatusPage() {
  const [form] = Form.useForm<{ code: string }>();
  const [view, setView] = useState<PublicReportStatusView | null>(null);
  const lookup = useApiMutation({
    mutationFn: (v: { code: string }) => lookupStatus(v.code),
    form,
    onSuccess: setView,
  });
  return (
    <PublicLayout title="查询办理情况">
      <Card>
        <Form form={form} layout="inline" onFinish={(v) => lookup.mutate(v)} style={{ marginBottom: 16 }}>
          <Form.Item name="code" rules={[{ required: true, message: '请输入回执码' }]} style={{ flex: 1 }}>
            <Input placeholder="请输入提交时获得的回执码，如 ABCD-EFGH-…" autoComplete="off" data-testid="code-input" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={lookup.isPending} data-testid="lookup">
            查询
          </Button>
        </Form>
        {view && (
          <Descriptions
            bordered
            column={1}
            data-testid="status-view"
            items={[
              { key: 'status', label: '办理状态', children: publicReportStatusLabel[view.status] },
              { key: 'filed', label: '提交时间', children: formatDateTime(view.filedAt) },
              { key: 'updated', label: '最近办理', children: formatDateTime(view.updatedAt) },
              {
                key: 'reply',
                label: '巡察组答复',
                children: <div className="pre-wrap">{view.reply ?? '尚未答复'}</div>,
              },
              { key: 'replied', label: '答复时间', children: formatDateTime(view.repliedAt) },
            ]}
          />
        )}
      </Card>
    </PublicLayout>
  );
}
