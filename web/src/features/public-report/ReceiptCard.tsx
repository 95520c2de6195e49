import type { PublicReportReceipt } from '@xuncha/contracts';
import { Alert, Button, Result, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../shared/format.ts';

/** Shown once after filing: the server keeps only a digest of the code, so it cannot be shown again. */
export function ReceiptCard({ receipt }: { receipt: PublicReportReceipt }) {
  return (
    <Result
      status="success"
      title="已提交，巡察组将依规处理"
      subTitle={`提交时间：${formatDateTime(receipt.filedAt)}`}
      extra={[
        <Link key="status" to="/public/report/status">
          <Button type="primary">去查询办理情况</Button>
        </Link>,
      ]}
    >
      <Typography.Paragraph style={{ textAlign: 'center' }}>您的回执码：</Typography.Paragraph>
      <Typography.Title
        level={3}
        copyable
        data-testid="receipt-code"
        style={{ textAlign: 'center', fontFamily: 'monospace' }}
      >
        {receipt.code}
      </Typography.Title>
      <Alert
        type="warning"
        showIcon
        title="回执码只显示这一次，系统不保存原文，遗失后无法找回。请抄写或复制后妥善保存，凭它查询办理情况和巡察组的答复；请勿告诉他人。"
      />
    </Result>
  );
}
