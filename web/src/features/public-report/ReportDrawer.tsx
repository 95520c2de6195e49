// One public report in a drawer: the text, the contact, attachments, history; the team leader replies,
// sets the status and converts it. The content is fetched when the drawer opens (the server audits it).
import { clueCategory, publicReportEventLabel, publicReportKind, publicReportStatusLabel } from '@xuncha/contracts';
import { Button, Descriptions, Drawer, Form, Input, Modal, Select, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { downloadFile } from '../../shared/download.ts';
import { formatDateTime } from '../../shared/format.ts';
import { optionsOf } from '../../shared/options.ts';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { TextInputModal } from '../rectification/TextInputModal.tsx';
import {
  type ConvertBody,
  convertReport,
  type PublicReportDetail,
  REPORT_KEYS,
  replyReport,
  stepReport,
  useReport,
} from './api.ts';

function Content({ report }: { report: PublicReportDetail }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      items={[
        { key: 'kind', label: '类型', children: publicReportKind.labels[report.kind] },
        { key: 'status', label: '状态', children: publicReportStatusLabel[report.status] },
        { key: 'filed', label: '提交时间', children: formatDateTime(report.filedAt) },
        {
          key: 'contact',
          label: '联系人',
          children: report.anonymous ? '匿名' : `${report.contactName ?? '—'} ${report.contactPhone ?? ''}`,
        },
        {
          key: 'text',
          label: '反映内容',
          span: 2,
          children: (
            <div className="pre-wrap" data-testid="report-text">
              {report.text}
            </div>
          ),
        },
        {
          key: 'files',
          label: '附件',
          span: 2,
          children: report.attachments.length
            ? report.attachments.map((a) => (
                <Button
                  key={a.id}
                  type="link"
                  size="small"
                  onClick={() =>
                    downloadFile(
                      `/api/public-reports/${report.id}/attachments/${a.id}`,
                      undefined,
                      a.fileName,
                      () => {},
                    )
                  }
                >
                  {a.fileName}
                </Button>
              ))
            : '无',
        },
        {
          key: 'reply',
          label: '答复群众',
          span: 2,
          children: <div className="pre-wrap">{report.reply ?? '尚未答复'}</div>,
        },
      ]}
    />
  );
}

function ClueModal({
  onSubmit,
  onClose,
  loading,
}: {
  onSubmit: (b: ConvertBody) => void;
  onClose: () => void;
  loading: boolean;
}) {
  const [form] = Form.useForm<{ subjectName: string; subjectPost: string; category: string }>();
  return (
    <Modal
      open
      title="转为问题线索"
      okText="转为线索"
      confirmLoading={loading}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit({ target: 'clue', ...v } as ConvertBody)}>
        <Form.Item name="subjectName" label="被反映人姓名" rules={[{ required: true }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="subjectPost" label="被反映人职务" rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="category" label="线索类别" rules={[{ required: true }]}>
          <Select options={optionsOf(clueCategory.labels)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Actions({ report }: { report: PublicReportDetail }) {
  const [modal, setModal] = useState<'reply' | 'clue' | null>(null);
  const done = () => setModal(null);
  const options = { invalidate: REPORT_KEYS, onSuccess: done };
  const reply = useApiMutation({
    mutationFn: (text: string) => replyReport(report.id, text),
    successMessage: '已答复，群众可凭回执码查看',
    ...options,
  });
  const step = useApiMutation({
    mutationFn: (s: 'start' | 'reopen') => stepReport(report.id, s),
    successMessage: '状态已更新',
    ...options,
  });
  const convert = useApiMutation({
    mutationFn: (b: ConvertBody) => convertReport(report.id, b),
    successMessage: '已转办',
    ...options,
  });
  const { abilities } = report;
  return (
    <Space wrap>
      {abilities.reply && (
        <Button type="primary" onClick={() => setModal('reply')} data-testid="reply-button">
          答复群众
        </Button>
      )}
      {abilities.start && <Button onClick={() => step.mutate('start')}>受理办理</Button>}
      {abilities.reopen && <Button onClick={() => step.mutate('reopen')}>重新办理</Button>}
      {abilities.convert && <Button onClick={() => convert.mutate({ target: 'petition' })}>转为来信来访记录</Button>}
      {abilities.convert && <Button onClick={() => setModal('clue')}>转为问题线索</Button>}
      {modal === 'reply' && (
        <TextInputModal
          title="答复群众"
          label="答复内容（群众凭回执码可见）"
          okText="答复"
          required
          maxLength={2000}
          loading={reply.isPending}
          testId="reply-modal"
          onSubmit={(t) => reply.mutate(t)}
          onClose={done}
        />
      )}
      {modal === 'clue' && <ClueModal loading={convert.isPending} onSubmit={(b) => convert.mutate(b)} onClose={done} />}
    </Space>
  );
}

export function ReportDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const report = useReport(id);
  return (
    <Drawer open width={760} title="群众举报/意见" onClose={onClose} destroyOnHidden>
      <QueryBoundary query={report}>
        {(r) => (
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <Content report={r} />
            <Actions report={r} />
            <Typography.Title level={5}>办理记录</Typography.Title>
            <Timeline
              items={r.history.map((h) => ({
                children: `${formatDateTime(h.at)} ${h.actorName ?? '群众'} ${publicReportEventLabel[h.event]} → ${publicReportStatusLabel[h.toStatus]}`,
              }))}
            />
          </Space>
        )}
      </QueryBoundary>
    </Drawer>
  );
}
