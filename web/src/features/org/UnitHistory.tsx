import type { UnitHistoryItem } from '@xuncha/contracts';
import { unitEvent, unitKind, villageClass } from '@xuncha/contracts';
import { Empty, Pagination, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../shared/format.ts';
import { useUnitHistory } from './api.ts';

/** Readable names of the attributes a history entry may carry. */
const fieldLabel: Record<string, string> = {
  name: '名称',
  parentName: '上级单位',
  kind: '单位类别',
  code: '单位代码',
  headName: '主要负责人',
  secretaryName: '书记',
  socialAttention: '社会关注度',
  fundVolume: '资金量（万元）',
  projectCount: '工程项目数',
  hasApprovalPower: '审批权',
  hasEnforcementPower: '执法权',
  lastInspectedOn: '系统外巡察日期',
  villageClass: '村居分类',
  sortOrder: '排序号',
  mergedIntoName: '并入',
  mergedFromName: '并入单位',
  deactivatedOn: '撤销日期',
};

function show(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '空';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (key === 'kind') return unitKind.labels[value as keyof typeof unitKind.labels] ?? String(value);
  if (key === 'villageClass') return villageClass.labels[value as keyof typeof villageClass.labels] ?? String(value);
  return String(value);
}

/** "名称：区自然资源局 → 区自然资源和规划局" for each labelled field the entry changed. */
function changes(entry: UnitHistoryItem): string[] {
  const after = entry.after ?? {};
  const before = entry.before ?? {};
  return Object.keys(after)
    .filter((key) => fieldLabel[key])
    .map((key) =>
      key in before
        ? `${fieldLabel[key]}：${show(key, before[key])} → ${show(key, after[key])}`
        : `${fieldLabel[key]}：${show(key, after[key])}`,
    );
}

export function UnitHistory({ unitId }: { unitId: string }) {
  const [page, setPage] = useState(1);
  const history = useUnitHistory(unitId, page);
  const items = history.data?.items ?? [];
  if (!history.isPending && items.length === 0) {
    return <Empty description="暂无变更记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  }
  return (
    <div data-testid="unit-history">
      <Timeline
        items={items.map((entry) => ({
          key: entry.seq,
          content: (
            <div>
              <Typography.Text strong>{unitEvent.labels[entry.event]}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
                {entry.actorName ?? '系统'} · {formatDateTime(entry.at)}
              </Typography.Text>
              {changes(entry).map((line) => (
                <div key={line}>{line}</div>
              ))}
              {entry.reason && <div className="pre-wrap">原因：{entry.reason}</div>}
            </div>
          ),
        }))}
      />
      {(history.data?.total ?? 0) > 10 && (
        <Pagination size="small" current={page} pageSize={10} total={history.data?.total} onChange={setPage} />
      )}
    </div>
  );
}
