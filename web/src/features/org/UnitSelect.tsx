import { Select } from 'antd';
import { useState } from 'react';
import { useDebounced } from '../../shared/useDebounced.ts';
import { useUnitPage } from './api.ts';

type Option = { value: string; label: string };

type Props = {
  /** Set by Form.Item so the field's label points at this control. */
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  committeeId?: string;
  placeholder?: string;
  testId?: string;
};

/** Type-ahead unit picker: there can be thousands of units, so it searches the server, never lists all. */
export function UnitSelect({ id, value, onChange, committeeId, placeholder = '输入单位名称搜索', testId }: Props) {
  const [keyword, setKeyword] = useState('');
  // The chosen unit may drop out of later search results; keep its label so the Select never shows a bare id.
  const [picked, setPicked] = useState<Option>();
  const q = useDebounced(keyword.trim());
  const units = useUnitPage({ committeeId, q, pageSize: 20 });
  const found = (units.data?.items ?? []).map((unit) => ({ value: unit.id, label: unit.name }));
  const options = picked && !found.some((o) => o.value === picked.value) ? [picked, ...found] : found;
  return (
    <Select<string, Option>
      id={id}
      data-testid={testId}
      value={value}
      onChange={(next, option) => {
        setPicked(Array.isArray(option) ? undefined : option);
        onChange?.(next);
      }}
      allowClear
      placeholder={placeholder}
      loading={units.isFetching}
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      onClear={() => setKeyword('')}
      options={options}
      notFoundContent={units.isFetching ? '搜索中…' : '没有匹配的单位'}
    />
  );
}
