// The findings behind a 共性问题 cluster (GET /api/common-problems/clusters/:id/findings), under the page's filter.
import { area, aspect, discipline } from '@xuncha/contracts';
import { Descriptions, Drawer, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { QueryParams } from '../../app/api.ts';
import { ListError } from '../../shared/ListError.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { type ClusterFinding, type ClusterRow, useClusterFindings } from './api.ts';

type Props = { cluster: ClusterRow | null; filters: QueryParams; onClose: () => void };

export function ClusterDrawer({ cluster, filters, onClose }: Props) {
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const findings = useClusterFindings(cluster?.id ?? null, { ...filters, committeeId: undefined, ...page });
  return (
    <Drawer
      open={cluster !== null}
      onClose={() => {
        setPage({ page: 1, pageSize: 20 });
        onClose();
      }}
      size="large"
      title={cluster ? `共性问题：${cluster.label}` : ''}
      data-testid="cp-drawer"
    >
      {cluster && (
        <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
          <Descriptions.Item label="涉及单位">{cluster.unitCount} 个</Descriptions.Item>
          <Descriptions.Item label="问题数">{cluster.findingCount} 个</Descriptions.Item>
          <Descriptions.Item label="四个方面">{cluster.aspect ? aspect.labels[cluster.aspect] : '—'}</Descriptions.Item>
          <Descriptions.Item label="六项纪律">
            {cluster.discipline ? discipline.labels[cluster.discipline] : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="关键词" span={2}>
            {cluster.terms.map((t) => (
              <Tag key={t}>{t}</Tag>
            ))}
          </Descriptions.Item>
        </Descriptions>
      )}
      <ListError error={findings.error} />
      <Table<ClusterFinding>
        rowKey="id"
        size="small"
        loading={findings.isFetching}
        dataSource={findings.data?.items}
        pagination={serverPagination(page.page, page.pageSize, findings.data?.total, (p, s) =>
          setPage({ page: p, pageSize: s }),
        )}
        data-testid="cp-drawer-findings"
        columns={[
          { title: '被巡察单位', dataIndex: 'unitName', width: 150 },
          { title: '巡察轮次', dataIndex: 'roundName', width: 160 },
          {
            title: '问题',
            dataIndex: 'title',
            render: (title: string, f) => (
              <>
                <Typography.Text strong>{title}</Typography.Text>
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>
                  {f.facts}
                </Typography.Paragraph>
              </>
            ),
          },
          {
            title: '领域',
            dataIndex: 'areas',
            width: 140,
            render: (areas: ClusterFinding['areas']) => areas.map((a) => <Tag key={a}>{area.labels[a]}</Tag>),
          },
        ]}
      />
    </Drawer>
  );
}
