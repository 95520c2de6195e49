// Recovery codes are shown once (only digests are stored): the user copies or writes them down here.
import { Alert, Button, Card, Flex, Typography } from 'antd';

export function RecoveryCodesView({ codes, onDone }: { codes: string[]; onDone?: () => void }) {
  return (
    <Flex vertical gap={12} data-testid="recovery-codes">
      <Alert
        type="warning"
        showIcon
        title="请立即保存以下 10 个恢复码"
        description="手机丢失或无法使用验证器时，可用恢复码代替动态验证码登录；每个恢复码只能使用一次，离开本页后无法再次查看。"
      />
      <Card size="small">
        <Flex wrap gap={12}>
          {codes.map((code) => (
            <Typography.Text key={code} code copyable style={{ fontSize: 15, width: 150 }}>
              {code}
            </Typography.Text>
          ))}
        </Flex>
      </Card>
      <Flex gap={8}>
        <Typography.Text copyable={{ text: codes.join('\n') }}>复制全部恢复码</Typography.Text>
        {onDone && (
          <Button type="primary" onClick={onDone} data-testid="recovery-done" style={{ marginLeft: 'auto' }}>
            我已保存，继续
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
