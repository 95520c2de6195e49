import {
  type Publication,
  type PublicationChannel,
  type PublicationInput,
  publicationChannel,
  type RectificationDetail,
} from '@xuncha/contracts';
import { Button, Card, DatePicker, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';

import { formatDate, formatDateTime } from '../../shared/format.ts';
import { optionsOf } from '../../shared/options.ts';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { todayInShanghai } from '../../shared/today.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { publish, usePublications, withdrawPublication } from './api.ts';

type Values = Omit<PublicationInput, 'publishedOn'> & { publishedOn: Dayjs };

function PublishForm({ c }: { c: RectificationDetail }) {
  const [form] = Form.useForm<Values>();
  const mutation = useApiMutation({
    mutationFn: (v: Values) => publish(c.id, { ...v, publishedOn: v.publishedOn.format('YYYY-MM-DD') }),
    invalidate: [['rectification', c.id, 'publications']],
    successMessage: '公开记录已保存',
    form,
    onSuccess: () => form.resetFields(),
  });
  return (
    <Card title="登记整改公开" size="small">
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => mutation.mutate(v)}
        initialValues={{ channel: 'public', publishedOn: todayInShanghai() }}
      >
        <Space wrap align="start">
          <Form.Item name="channel" label="公开方式" rules={[{ required: true, message: '请选择公开方式' }]}>
            <Select
              style={{ width: 160 }}
              options={optionsOf(publicationChannel.labels)}
              data-testid="publication-channel"
            />
          </Form.Item>
          <Form.Item name="publishedOn" label="公开日期" rules={[{ required: true, message: '请选择公开日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(todayInShanghai(), 'day')} data-testid="publication-date" />
          </Form.Item>
        </Space>
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写公开标题' }]}>
          <Input maxLength={200} data-testid="publication-title" />
        </Form.Item>
        <Form.Item
          name="summary"
          label="公开内容"
          extra="此处文字将按原样公开；请专门撰写，勿粘贴问题线索、人员姓名等不宜公开的内容。"
          rules={[{ required: true, whitespace: true, message: '请填写公开内容' }]}
        >
          <Input.TextArea rows={5} maxLength={10000} data-testid="publication-summary" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="publication-submit">
          保存
        </Button>
      </Form>
    </Card>
  );
}

function WithdrawButton({ caseId, p }: { caseId: string; p: Publication }) {
  const mutation = useApiMutation({
    mutationFn: () => withdrawPublication(caseId, p.id),
    invalidate: [['rectification', caseId, 'publications']],
    successMessage: '已撤回',
  });
  return (
    <Popconfirm title="撤回后公开页面不再显示该内容（记录保留），确认撤回？" onConfirm={() => mutation.mutate()}>
      <Button type="link" size="small" danger loading={mutation.isPending} data-testid="publication-withdraw">
        撤回
      </Button>
    </Popconfirm>
  );
}

export function PublicationTab({ c }: { c: RectificationDetail }) {
  const query = usePublications(c.id);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <a href={`/public/rounds/${c.roundId}`} target="_blank" rel="noreferrer">
        查看本轮巡察整改公开页面（无需登录）
      </a>
      <QueryBoundary query={query}>
        {(list) => (
          <Table<Publication>
            rowKey="id"
            size="small"
            pagination={{ pageSize: 10 }}
            dataSource={list.items}
            data-testid="publication-table"
            expandable={{ expandedRowRender: (p) => <div className="pre-wrap">{p.summary}</div> }}
            columns={[
              { title: '公开日期', dataIndex: 'publishedOn', render: formatDate },
              {
                title: '方式',
                dataIndex: 'channel',
                render: (ch: PublicationChannel) => publicationChannel.labels[ch],
              },
              { title: '标题', dataIndex: 'title' },
              { title: '登记人', dataIndex: 'createdByName' },
              {
                title: '状态',
                key: 'state',
                render: (_, p) =>
                  p.withdrawnAt ? (
                    <Tag>
                      已撤回（{p.withdrawnByName}，{formatDateTime(p.withdrawnAt)}）
                    </Tag>
                  ) : (
                    <Tag color="green">有效</Tag>
                  ),
              },
              { title: '', key: 'ops', render: (_, p) => p.canWithdraw && <WithdrawButton caseId={c.id} p={p} /> },
            ]}
          />
        )}
      </QueryBoundary>
      {c.abilities.publish && <PublishForm c={c} />}
    </Space>
  );
}
