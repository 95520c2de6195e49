import { FileWordOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { downloadFile } from './download.ts';

type Props = {
  /** The 公文 route, e.g. `/api/rounds/:id/work-plan.docx` */
  path: string;
  label: string;
  /** Used only when the server sends no file name. */
  fallbackName: string;
  disabled?: boolean;
  title?: string;
  testId?: string;
};

/** Downloads a server-generated 公文 (.docx); a refusal shows the server's Chinese message. */
export function DocxButton({ path, label, fallbackName, disabled, title, testId }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadFile(path, undefined, fallbackName, () => {});
    } catch (error) {
      message.error(error instanceof Error ? error.message : '下载失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      icon={<FileWordOutlined />}
      loading={busy}
      disabled={disabled}
      title={title}
      onClick={download}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}
