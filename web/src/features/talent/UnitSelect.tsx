import { Select } from 'antd';
import { useState } from 'react';
import { useDebounced } from '../../shared/useDebounced.ts';
import { useUnitSearch } from './api.ts';

type Props = { value?: string; onChange?: (value: string | undefined) => void; initialName?: string; testId?: string };

/** A unit of the org tree, searched by name; leave empty for units outside the tree (then type the name). */
export function UnitSelect({ value, onChange, initialName, testId }: Props) {
  const [q, setQ] = useState('');
  const units = useUnitSearch(useDebounced(q, 300));
  const options = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  if (value && initialName && !options.some((o) => o.value === value)) options.unshift({ value, label: initialName });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      placeholder="输入名称搜索本级单位"
      options={options}
      value={value}
      onChange={onChange}
      loading={units.isFetching}
      data-testid={testId}
    />
  );
}
