// 指导意见 (the publisher's side): what this committee issued, drafts edited and published by guidance.publish,
// and for each the receipts of the committees it reached (已阅 / 已落实 with notes).
import { guidanceAckLabel, guidanceStatusLabel } from '@xuncha/contracts';
import { Button, Drawer, Form, Input, Popconfirm, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../app/auth.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import {
  type GuidanceDetail,
  type GuidanceInput,
  type GuidanceSummary,
  guidanceApi,
  useGuidance,
  useIssuedGuidance,
  useLaunchOptions,
} from './api.ts';

type Editing = { id: string | null; initial: Partial<GuidanceInput> };

function GuidanceForm({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const [form] = Form.useForm<GuidanceInput>();
  const options = useLaunchOptions(true);
  const targetAll = Form.useWatch('targetAll', form);
  const save = useApiMutation({
    mutationFn: (input: GuidanceInput) =>
      editing.id ? guidanceApi.update(editing.id, input) : guidanceApi.create(input),
    invalidate: [['guidance']],
    successMessage: '已保存草稿',
    form,
    onSuccess: onClose,
  });
  return (
    <FormModal
      form={form}
      loading={save.isPending}
      onClose={onClose}
      title={editing.id ? '修改指导意见' : '起草指导意见'}
      width={720}
      destroyOnHidden
    >
      <Form<GuidanceInput>
        form={form}
        layout="vertical"
        initialValues={{ targetAll: true, targetCommitteeIds: [], ...editing.initial }}
        onFinish={(values) => save.mutate({ ...values, targetCommitteeIds: values.targetCommitteeIds ?? [] })}
        data-testid="guidance-form"
      >
        <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
          <Input maxLength={200} data-testid="guidance-title" />
        </Form.Item>
        <Form.Item name="docNo" label="文号">
          <Input maxLength={60} placeholder="如：市巡办发〔2026〕5号" />
        </Form.Item>
        <Form.Item name="targetAll" label="下发范围">
          <Radio.Group
            options={[
              { value: true, label: '全部下级党委' },
              { value: false, label: '选择下级党委' },
            ]}
          />
        </Form.Item>
        {targetAll === false && (
          <Form.Item
            name="targetCommitteeIds"
            label="下级党委"
            rules={[{ required: true, message: '请至少选择一个下级党委' }]}
          >
            <Select
              mode="multiple"
              loading={options.isLoading}
              options={options.data?.lowerCommittees.map((c) => ({ value: c.id, label: c.name }))}
              data-testid="guidance-targets"
            />
          </Form.Item>
        )}
        <Form.Item name="body" label="正文" rules={[{ required: true, message: '请填写正文' }]}>
          <Input.TextArea rows={8} maxLength={20000} data-testid="guidance-body" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function Receipts({ detail }: { detail: GuidanceDetail }) {
  return (
    <>
      <Typography.Paragraph>
        {detail.docNo && <Tag>{detail.docNo}</Tag>}
        {guidanceStatusLabel[detail.status]}，下发 {detail.targets} 个党委，已阅 {detail.read}，已落实 {detail.acted}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{detail.body}</Typography.Paragraph>
      <Table
        rowKey="committeeId"
        size="small"
        pagination={false}
        dataSource={detail.targetList}
        data-testid="guidance-receipts"
        columns={[
          { title: '下级党委', dataIndex: 'name' },
          {
            title: '回执',
            dataIndex: 'ack',
            width: 90,
            render: (a: 'read' | 'acted' | null) =>
              a ? <Tag color={a === 'acted' ? 'green' : 'blue'}>{guidanceAckLabel[a]}</Tag> : <Tag>未阅</Tag>,
          },
          { title: '说明', dataIndex: 'note' },
          { title: '回执人', dataIndex: 'ackBy', width: 90 },
          {
            title: '时间',
            dataIndex: 'ackAt',
            width: 160,
            render: (t: string | null) => formatDateTime(t),
          },
        ]}
      />
    </>
  );
}

export function GuidanceTab() {
  const can = useCan();
  const mayPublish = can('guidance.publish');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useIssuedGuidance(paging);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const detail = useGuidance(openId);
  const publish = useApiMutation({
    mutationFn: (id: string) => guidanceApi.publish(id),
    invalidate: [['guidance']],
    successMessage: '已发布，已通知下级党委巡察机构',
  });
  const edit = async (id: string) => {
    const g = await guidanceApi.get(id);
    setEditing({
      id,
      initial: {
        title: g.title,
        body: g.body,
        docNo: g.docNo ?? undefined,
        targetAll: g.targetAll,
        targetCommitteeIds: g.targetList.map((t) => t.committeeId),
      },
    });
  };
  return (
    <>
      {mayPublish && (
        <Button
          type="primary"
          onClick={() => setEditing({ id: null, initial: {} })}
          style={{ marginBottom: 12 }}
          data-testid="guidance-new"
        >
          起草指导意见
        </Button>
      )}
      <ListError error={list.error} />
      <Table<GuidanceSummary>
        rowKey="id"
        size="small"
        data-testid="guidance-issued"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={serverPagination(paging.page, paging.pageSize, list.data?.total, (page, pageSize) =>
          setPaging({ page, pageSize }),
        )}
        columns={[
          { title: '文号', dataIndex: 'docNo', width: 180 },
          { title: '标题', dataIndex: 'title' },
          {
            title: '状态',
            dataIndex: 'status',
            width: 80,
            render: (s: GuidanceSummary['status']) => (
              <Tag color={s === 'published' ? 'green' : 'default'}>{guidanceStatusLabel[s]}</Tag>
            ),
          },
          {
            title: '回执（已阅/已落实/下发）',
            key: 'acks',
            width: 180,
            render: (_: unknown, g: GuidanceSummary) =>
              g.status === 'published' ? `${g.read}/${g.acted}/${g.targets}` : '—',
          },
          {
            title: '发布时间',
            dataIndex: 'publishedAt',
            width: 160,
            render: (t: string | null) => formatDateTime(t),
          },
          {
            title: '操作',
            key: 'actions',
            width: 200,
            render: (_: unknown, g: GuidanceSummary) => (
              <Space size="small">
                <Button type="link" size="small" onClick={() => setOpenId(g.id)} data-testid="guidance-open">
                  查看回执
                </Button>
                {mayPublish && g.status === 'draft' && (
                  <>
                    <Button type="link" size="small" onClick={() => void edit(g.id)}>
                      修改
                    </Button>
                    <Popconfirm
                      title="发布后不能修改，并将通知下级党委巡察机构。确认发布？"
                      onConfirm={() => publish.mutate(g.id)}
                    >
                      <Button type="link" size="small" data-testid="guidance-publish">
                        发布
                      </Button>
                    </Popconfirm>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && <GuidanceForm editing={editing} onClose={() => setEditing(null)} />}
      <Drawer
        open={openId !== null}
        onClose={() => setOpenId(null)}
        size="large"
        title={detail.data?.title ?? '指导意见'}
      >
        <ListError error={detail.error} />
        {detail.data && <Receipts detail={detail.data} />}
      </Drawer>
    </>
  );
}
