import { Space } from 'antd';
import { useCan } from '../../app/auth.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { useTaskPage } from './api.ts';
import { TaskFilters } from './TaskFilters.tsx';
import { TaskTable } from './TaskTable.tsx';

/** 整改台账: the filterable ledger of all tasks in scope; `mine` narrows it to the user's own tasks. */
function TaskLedger({ title, mine }: { title: string; mine: boolean }) {
  const search = useSearchState();
  const filters = {
    unitId: search.get('unitId'),
    status: search.get('status'),
    overdue: search.get('overdue'),
    q: search.get('q'),
    sort: search.get('sort'),
    mine: mine ? true : undefined,
  };
  const tasks = useTaskPage({ ...filters, page: search.page, pageSize: search.pageSize });
  const can = useCan();
  // the office's 三张清单 of every inspection of the committee in one workbook (no inspectionId)
  const committeeWide = !mine && can('rectification.sign_off');
  return (
    <PageContainer
      title={title}
      extra={
        <Space>
          {committeeWide && (
            <ExportButton path="/api/task-lists/export" label="导出全委三张清单" testId="task-lists-export-all" />
          )}
          <ExportButton path="/api/tasks/export" query={filters} testId="task-export" />
        </Space>
      }
    >
      <TaskFilters search={search} />
      <TaskTable
        tasks={tasks.data?.items}
        loading={tasks.isFetching}
        error={tasks.error}
        pagination={serverPagination(search.page, search.pageSize, tasks.data?.total, search.setPage)}
      />
    </PageContainer>
  );
}

export function TaskLedgerPage() {
  return <TaskLedger title="整改台账" mine={false} />;
}

export function MyTasksPage() {
  return <TaskLedger title="我的任务" mine />;
}
