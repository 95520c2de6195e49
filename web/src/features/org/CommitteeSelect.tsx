import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useCommittees } from './api.ts';

type Props = {
  /** Set by Form.Item so the field's label points at this control. */
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  style?: CSSProperties;
};

export function CommitteeSelect({ id, value, onChange, allowClear, placeholder = '选择巡察机构', style }: Props) {
  const committees = useCommittees();
  const options = (committees.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear={allowClear}
      placeholder={placeholder}
      loading={committees.isPending}
      options={options}
      style={style}
    />
  );
}
