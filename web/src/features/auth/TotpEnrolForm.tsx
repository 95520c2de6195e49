// The QR code of the otpauth URI (antd QRCode), the secret for typing by hand, and the first code from the app.
import type { TotpSetup } from '@xuncha/contracts';
import { Button, Flex, Form, Input, QRCode, Typography } from 'antd';

interface Props {
  setup: TotpSetup;
  pending: boolean;
  onConfirm: (code: string) => void;
}

export function TotpEnrolForm({ setup, pending, onConfirm }: Props) {
  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph style={{ margin: 0 }}>
        1. 在手机上打开验证器应用（如 Microsoft Authenticator、Google Authenticator、FreeOTP），扫描下方二维码：
      </Typography.Paragraph>
      <Flex justify="center">
        <QRCode value={setup.otpauthUri} size={180} bordered={false} data-testid="totp-qr" />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
        无法扫码时手动输入密钥：
        <Typography.Text code copyable data-testid="totp-secret">
          {setup.secret}
        </Typography.Text>
      </Typography.Paragraph>
      <Form layout="vertical" onFinish={(v: { code: string }) => onConfirm(v.code.trim())} requiredMark={false}>
        <Form.Item
          name="code"
          label="2. 输入验证器显示的 6 位动态验证码"
          rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: '请输入 6 位数字' }]}
        >
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} data-testid="totp-code" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={pending} data-testid="totp-confirm">
          确认绑定
        </Button>
      </Form>
    </Flex>
  );
}
