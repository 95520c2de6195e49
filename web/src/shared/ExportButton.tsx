import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Progress, Typography } from 'antd';
import { useState } from 'react';
import type { QueryParams } from '../app/api.ts';
import { downloadFile, formatBytes } from './download.ts';

type Props = {
  /** e.g. `/api/tasks/export`: the list's export route */
  path: string;
  /** The list's current filters (paging is ignored by the server). */
  query?: QueryParams;
  label?: string;
  testId?: string;
};

/** Exports exactly the rows the list shows (all pages) as .xlsx, with a progress notification. */
export function ExportButton({ path, query, label = '导出', testId = 'export-button' }: Props) {
  const { notification } = App.useApp();
  const [busy, setBusy] = useState(false);
  const key = `export:${path}`;

  const progress = (bytes: number) =>
    notification.open({
      key,
      title: '正在导出…',
      description: (
        <>
          <Progress percent={100} status="active" showInfo={false} size="small" />
          <Typography.Text type="secondary">已接收 {formatBytes(bytes)}</Typography.Text>
        </>
      ),
      duration: 0,
    });

  const run = async () => {
    setBusy(true);
    progress(0);
    try {
      const fileName = await downloadFile(path, query, '导出.xlsx', progress);
      notification.success({ key, title: '导出完成', description: fileName, duration: 4 });
    } catch (error) {
      const description = error instanceof Error ? error.message : '导出失败，请稍后重试';
      notification.error({ key, title: '导出失败', description, duration: 0 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={run} data-testid={testId}>
      {label}
    </Button>
  );
}
