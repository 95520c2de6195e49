import { Descriptions, Drawer, Typography } from 'antd';
import { formatDateTime } from '../../shared/format.ts';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { useAuditEntry } from './api.ts';
import { actionLabel, entityLabel } from './labels.ts';

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">（无）</Typography.Text>;
  return (
    <pre data-testid="audit-json" style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

export function AuditEntryDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const entry = useAuditEntry(id);
  return (
    <Drawer open width={640} onClose={onClose} title={`审计记录 #${id}`}>
      <QueryBoundary query={entry}>
        {(e) => (
          <Descriptions column={1} bordered size="small" styles={{ label: { width: 110 } }}>
            <Descriptions.Item label="时间">{formatDateTime(e.at)}</Descriptions.Item>
            <Descriptions.Item label="操作人">{e.actorName ?? '系统'}</Descriptions.Item>
            <Descriptions.Item label="操作">
              {actionLabel(e.action)}（{e.action}）
            </Descriptions.Item>
            <Descriptions.Item label="对象">
              {entityLabel(e.entity)} {e.entityId}
            </Descriptions.Item>
            <Descriptions.Item label="IP / 请求">
              {e.ip ?? '—'} / {e.requestId ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label="变更前">
              <Json value={e.before} />
            </Descriptions.Item>
            <Descriptions.Item label="变更后">
              <Json value={e.after} />
            </Descriptions.Item>
            <Descriptions.Item label="SM3 链">
              <Typography.Text code copyable style={{ fontSize: 11 }}>
                {e.hash ?? '未入链'}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        )}
      </QueryBoundary>
    </Drawer>
  );
}
