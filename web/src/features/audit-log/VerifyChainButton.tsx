// 校验: recomputes the SM3 hash chain over the whole log and reports the first broken link.
import { auditChainBreakKindLabels } from '@xuncha/contracts';
import { Alert, Button, Space } from 'antd';
import { errorMessage } from '../../app/api.ts';
import { useVerifyChain } from './api.ts';

export function VerifyChainButton() {
  const verify = useVerifyChain();
  const report = verify.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button onClick={() => verify.mutate()} loading={verify.isPending} data-testid="audit-verify">
        校验日志完整性（SM3）
      </Button>
      {verify.isError && <Alert type="error" showIcon title={errorMessage(verify.error)} />}
      {report && (
        <Alert
          data-testid="audit-verify-result"
          type={report.ok ? 'success' : 'error'}
          showIcon
          title={
            report.ok
              ? `校验通过：共 ${report.checked} 条，哈希链完整（用时 ${report.elapsedMs} 毫秒；末条 #${report.head?.id ?? '—'}）`
              : `发现 ${report.broken} 处异常，首个异常在 #${report.firstBreak?.id}：${
                  report.firstBreak ? auditChainBreakKindLabels[report.firstBreak.kind] : ''
                }`
          }
        />
      )}
    </Space>
  );
}
