// The rows behind one figure of an analytics page: a server-paginated table in a drawer, with the same
// rows exported as .xlsx. Every analytics figure opens one of these with its list route and parameters
// (the page's filter plus the figure's own key), so the drill-down and the figure count the same rows.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Drawer, Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { api, type QueryParams } from '../../app/api.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { ListError } from '../../shared/ListError.tsx';
import { serverPagination } from '../../shared/pagination.ts';

export type DrillPage<T> = { items: T[]; total: number; page: number; pageSize: number };

export type DrillSpec<T> = {
  /** drawer title, e.g. "六项纪律 · 廉洁纪律" */
  title: string;
  /** the list route, e.g. `/api/analytics/findings`; its export is the same path + `/export` */
  path: string;
  params: QueryParams;
  columns: ColumnsType<T>;
  rowKey: keyof T & string;
};

type Props<T> = { drill: DrillSpec<T> | null; onClose: () => void };

export function AnalyticsDrill<T extends object>({ drill, onClose }: Props<T>) {
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const params = drill ? { ...drill.params, ...page } : null;
  const rows = useQuery({
    queryKey: ['analytics-drill', drill?.path, params],
    queryFn: () => api.get<DrillPage<T>>(drill?.path ?? '', params ?? {}),
    enabled: drill !== null,
    placeholderData: keepPreviousData,
  });
  const close = () => {
    setPage({ page: 1, pageSize: 20 });
    onClose();
  };
  return (
    <Drawer open={drill !== null} onClose={close} size="large" title={drill?.title} data-testid="analytics-drill">
      {drill && (
        <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">共 {rows.data?.total ?? '…'} 条，与统计数一致</Typography.Text>
          <ExportButton path={`${drill.path}/export`} query={drill.params} testId="analytics-drill-export" />
        </Flex>
      )}
      <ListError error={rows.error} />
      <Table<T>
        rowKey={drill?.rowKey}
        size="small"
        loading={rows.isFetching}
        dataSource={rows.data?.items}
        columns={drill?.columns}
        pagination={serverPagination(page.page, page.pageSize, rows.data?.total, (p, s) =>
          setPage({ page: p, pageSize: s }),
        )}
      />
    </Drawer>
  );
}
