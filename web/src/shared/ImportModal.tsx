import { InboxOutlined } from '@ant-design/icons';
import type { FieldError } from '@xuncha/contracts';
import { Alert, Button, Flex, Modal, Progress, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../app/api.ts';
import { downloadFile } from './download.ts';
import { uploadWithProgress } from './upload.ts';

type Props = {
  title: string;
  /** POST route of `registerImport` */
  uploadPath: string;
  /** GET route of `registerTemplate` */
  templatePath: string;
  onImported: (count: number) => void;
  onClose: () => void;
};

type Problem = { key: number; sheet: string; row: string; column: string; reason: string };

/** `单位!B7` → sheet 单位, column B, row 7; `单位!1` is a header problem; `单位` a sheet problem. */
export function problemOf(detail: FieldError, key: number): Problem {
  const [sheet = '', cell = ''] = detail.path.split('!');
  const match = /^([A-Z]*)(\d*)$/.exec(cell);
  return {
    key,
    sheet: sheet === 'file' ? '（文件）' : sheet,
    column: match?.[1] || '—',
    row: match?.[2] || '—',
    reason: detail.message,
  };
}

const problemColumns = [
  { title: '工作表', dataIndex: 'sheet', width: 100 },
  { title: '行', dataIndex: 'row', width: 60 },
  { title: '列', dataIndex: 'column', width: 60 },
  { title: '原因', dataIndex: 'reason' },
];

/** Uploads an .xlsx; all-or-nothing on the server, so any error means nothing was imported. */
export function ImportModal({ title, uploadPath, templatePath, onImported, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  /** percent of the file sent; at 100 the server is still checking every row */
  const [percent, setPercent] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [imported, setImported] = useState<number | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    setProblems([]);
    setImported(null);
    setPercent(0);
    const form = new FormData();
    form.append('file', file);
    try {
      const result = await uploadWithProgress<{ imported: number }>(uploadPath, form, setPercent);
      setImported(result.imported);
      onImported(result.imported);
    } catch (e) {
      setError(e instanceof Error ? e.message : '导入失败，请稍后重试');
      if (e instanceof ApiError) setProblems(e.details.map(problemOf));
    } finally {
      setBusy(false);
    }
  };

  const template = () =>
    downloadFile(templatePath, undefined, '导入模板.xlsx', () => {}).catch((e: Error) => setError(e.message));

  return (
    <Modal open title={title} width={720} onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>}>
      <Flex vertical gap={12}>
        <Typography.Text>
          请使用导入模板填写后上传（.xlsx，不超过 10 MB）。任何一行有错误时整批不导入。
          <Button type="link" onClick={template} data-testid="import-template">
            下载导入模板
          </Button>
        </Typography.Text>
        <Upload.Dragger
          accept=".xlsx"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
          data-testid="import-dragger"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{busy ? '正在导入…' : '点击或将 .xlsx 文件拖到此处上传'}</p>
        </Upload.Dragger>
        {busy && (
          <Flex vertical gap={4} data-testid="import-progress">
            <Progress percent={percent} status="active" size="small" />
            <Typography.Text type="secondary">
              {percent < 100 ? `正在上传… ${percent}%` : '上传完成，正在逐行校验并导入…'}
            </Typography.Text>
          </Flex>
        )}
        {imported !== null && <Alert type="success" showIcon title={`导入成功，共 ${imported} 条`} />}
        {error && <Alert type="error" showIcon title={error} data-testid="import-error" />}
        {problems.length > 0 && (
          <Table<Problem>
            size="small"
            rowKey="key"
            columns={problemColumns}
            dataSource={problems}
            pagination={problems.length > 10 ? { pageSize: 10 } : false}
            data-testid="import-problems"
          />
        )}
      </Flex>
    </Modal>
  );
}
