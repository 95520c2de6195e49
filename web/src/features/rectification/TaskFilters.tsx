import { type TaskStatus, taskStatusLabel } from '@xuncha/contracts';
import { Checkbox, Flex, Input, Select } from 'antd';
import type { TaskSort } from '../../app/types.ts';
import { optionsOf } from '../../shared/options.ts';
import type { useSearchState } from '../../shared/useSearchState.ts';

const sortOptions: { value: TaskSort; label: string }[] = [
  { value: 'dueDate', label: '完成时限 由近到远' },
  { value: '-dueDate', label: '完成时限 由远到近' },
  { value: '-updatedAt', label: '最近更新在前' },
  { value: 'updatedAt', label: '最早更新在前' },
];

type Props = { search: ReturnType<typeof useSearchState> };

export function TaskFilters({ search }: Props) {
  return (
    <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
      <Select<TaskStatus>
        allowClear
        placeholder="全部状态"
        style={{ width: 140 }}
        options={optionsOf(taskStatusLabel)}
        value={search.get('status') as TaskStatus | undefined}
        onChange={(status) => search.setFilters({ status })}
        data-testid="task-filter-status"
      />
      <Select<TaskSort>
        style={{ width: 180 }}
        options={sortOptions}
        value={(search.get('sort') as TaskSort | undefined) ?? 'dueDate'}
        onChange={(sort) => search.setFilters({ sort })}
      />
      <Input.Search
        allowClear
        placeholder="搜索任务、问题、责任人"
        style={{ width: 260 }}
        defaultValue={search.get('q')}
        onSearch={(q) => search.setFilters({ q: q.trim() })}
        data-testid="task-filter-q"
      />
      <Checkbox
        checked={search.get('overdue') === 'true'}
        onChange={(e) => search.setFilters({ overdue: e.target.checked ? 'true' : undefined })}
        data-testid="task-filter-overdue"
      >
        只看逾期
      </Checkbox>
    </Flex>
  );
}
