import type { TablePaginationConfig } from 'antd';

/** Server-side pagination with the total shown the way users expect ("共 N 条"). */
export function serverPagination(
  page: number,
  pageSize: number,
  total: number | undefined,
  onChange: (page: number, pageSize: number) => void,
): TablePaginationConfig {
  return {
    current: page,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (count) => `共 ${count} 条`,
    onChange,
  };
}
