import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  type ProgressPeriodState,
  progressPeriodState,
  type RectificationDetail,
  type RectificationReport,
  type RectificationReportKind,
  rectificationReportKind,
} from '@xuncha/contracts';
import { App, Button, Card, Form, Input, Select, Space, Table, Tag, Upload, type UploadFile } from 'antd';
import { downloadFile } from '../../shared/download.ts';
import { formatDate, formatDateTime, formatFileSize } from '../../shared/format.ts';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { caseKeys, uploadReport, useReports } from './api.ts';

// The server's limits, checked here so that nobody uploads 20 MB only to have it refused.
const EXTENSIONS = ['pdf', 'doc', 'docx', 'ofd'];
const MAX_BYTES = 20 * 1024 * 1024;
const STATE_COLOR: Record<ProgressPeriodState, string> = {
  on_time: 'green',
  late: 'orange',
  missing: 'red',
  pending: 'default',
};

type Values = { kind: RectificationReportKind; period?: string; title: string; content?: string; files?: UploadFile[] };

function toFormData({ kind, period, title, content, files }: Values): FormData {
  const data = new FormData();
  data.append('kind', kind);
  if (kind === 'progress' && period) data.append('period', period);
  data.append('title', title);
  if (content) data.append('content', content);
  // the file last: the server reads the text fields before the (possibly large) file
  const file = files?.[0]?.originFileObj;
  if (file) data.append('file', file, file.name);
  return data;
}

function UploadForm({ c, periods }: { c: RectificationDetail; periods: string[] }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const kinds = rectificationReportKind.codes.filter(
    (k) =>
      (k === 'progress' && c.abilities.submitProgress) ||
      (k === 'rectification' && c.abilities.submitReport) ||
      (k === 'duty' && c.abilities.submitDuty),
  );
  const mutation = useApiMutation({
    mutationFn: (values: Values) => uploadReport(c.id, toFormData(values)),
    invalidate: [...caseKeys(c.id), ['rectification', c.id, 'reports']],
    successMessage: '报告已报送',
    form,
    onSuccess: () => form.resetFields(),
  });
  const checkFile = (file: File) => {
    const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
    if (!EXTENSIONS.includes(extension)) {
      message.error(`报告文件只能是 ${EXTENSIONS.join('、')} 格式`);
      return Upload.LIST_IGNORE;
    }
    if (file.size > MAX_BYTES) {
      message.error('文件不能超过 20 MB');
      return Upload.LIST_IGNORE;
    }
    return false;
  };
  if (kinds.length === 0) return null;
  return (
    <Card title="报送报告" size="small">
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => mutation.mutate(values)}
        initialValues={{ kind: kinds[0] }}
      >
        <Space wrap align="start">
          <Form.Item name="kind" label="报告类别" rules={[{ required: true, message: '请选择报告类别' }]}>
            <Select
              style={{ width: 280 }}
              options={kinds.map((k) => ({ value: k, label: rectificationReportKind.labels[k] }))}
              data-testid="report-kind"
            />
          </Form.Item>
          {kind === 'progress' && (
            <Form.Item name="period" label="报告期" rules={[{ required: true, message: '请选择报告期' }]}>
              <Select
                style={{ width: 140 }}
                options={periods.map((p) => ({ value: p, label: p }))}
                data-testid="report-period"
              />
            </Form.Item>
          )}
        </Space>
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写报告标题' }]}>
          <Input maxLength={200} data-testid="report-title" />
        </Form.Item>
        <Form.Item name="content" label="正文（可只上传文件）">
          <Input.TextArea rows={4} maxLength={20000} data-testid="report-content" />
        </Form.Item>
        <Form.Item
          name="files"
          label="报告文件"
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
        >
          <Upload beforeUpload={checkFile} maxCount={1} accept={EXTENSIONS.map((e) => `.${e}`).join(',')}>
            <Button icon={<UploadOutlined />}>选择文件（PDF/Word/OFD）</Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="report-submit">
          报送
        </Button>
      </Form>
    </Card>
  );
}

export function ReportsTab({ c }: { c: RectificationDetail }) {
  const { message } = App.useApp();
  const query = useReports(c.id);
  const download = (path: string, name: string) =>
    downloadFile(path, undefined, name, () => {}).catch((e: Error) => message.error(e.message));
  return (
    <QueryBoundary query={query}>
      {(list) => (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Space>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => download(`/api/rectifications/${c.id}/report-template`, '整改情况报告.docx')}
              data-testid="report-template"
            >
              下载整改情况报告模板（按三张清单预填）
            </Button>
          </Space>
          <Card title="集中整改期月度进展报告" size="small">
            <Table
              rowKey="period"
              size="small"
              pagination={false}
              dataSource={list.expectedProgress}
              locale={{ emptyText: '集中整改期内无需报送月度进展报告' }}
              columns={[
                { title: '报告期', dataIndex: 'period' },
                { title: '报送期限', dataIndex: 'dueDate', render: formatDate },
                { title: '报送时间', dataIndex: 'submittedAt', render: formatDateTime },
                {
                  title: '情况',
                  dataIndex: 'state',
                  render: (s: ProgressPeriodState) => <Tag color={STATE_COLOR[s]}>{progressPeriodState[s]}</Tag>,
                },
              ]}
            />
          </Card>
          <Table<RectificationReport>
            rowKey="id"
            size="small"
            dataSource={list.items}
            pagination={{ pageSize: 10 }}
            data-testid="report-table"
            columns={[
              {
                title: '类别',
                dataIndex: 'kind',
                render: (k: RectificationReportKind) => rectificationReportKind.labels[k],
              },
              { title: '报告期', dataIndex: 'period', render: (p: string | null) => p ?? '—' },
              { title: '标题', dataIndex: 'title' },
              { title: '报送人', dataIndex: 'submittedByName' },
              { title: '报送时间', dataIndex: 'submittedAt', render: formatDateTime },
              {
                title: '状态',
                key: 'superseded',
                render: (_, r) => (r.supersededAt ? <Tag>已被新版本替代</Tag> : <Tag color="green">现行</Tag>),
              },
              {
                title: '文件',
                key: 'file',
                render: (_, r) =>
                  r.fileName ? (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => download(`/api/rectifications/${c.id}/reports/${r.id}/file`, r.fileName ?? '报告')}
                    >
                      {r.fileName}（{formatFileSize(r.size)}）
                    </Button>
                  ) : (
                    '—'
                  ),
              },
            ]}
            expandable={{
              rowExpandable: (r) => Boolean(r.content),
              expandedRowRender: (r) => <div className="pre-wrap">{r.content}</div>,
            }}
          />
          {c.status === 'rectifying' && <UploadForm c={c} periods={monthsBetween(c.feedbackDate, c.reportDue)} />}
        </Space>
      )}
    </QueryBoundary>
  );
}

/** 'YYYY-MM' of every month from the feedback month to the report-due month (the server's allowed range). */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const end = to.slice(0, 7);
  for (let guard = 0; guard < 60; guard += 1) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > end) break;
    months.push(month);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return months;
}
