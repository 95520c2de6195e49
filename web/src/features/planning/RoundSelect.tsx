import { Select } from 'antd';
import type { CSSProperties } from 'react';
import type { Round } from '../../app/types.ts';
import { useRoundPage } from './api.ts';

type Props = {
  /** Set by Form.Item so the field's label points at this control. */
  id?: string;
  value?: string;
  onChange?: (value: string | undefined, round: Round | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  style?: CSSProperties;
};

/** Rounds are few (a handful a year), so the latest 100 cover every practical choice. */
export function RoundSelect({ id, value, onChange, allowClear, placeholder = '选择巡察轮次', style }: Props) {
  const rounds = useRoundPage({ page: 1, pageSize: 100 });
  const items = rounds.data?.items ?? [];
  return (
    <Select
      id={id}
      value={value}
      onChange={(id: string | undefined) =>
        onChange?.(
          id,
          items.find((r) => r.id === id),
        )
      }
      allowClear={allowClear}
      placeholder={placeholder}
      loading={rounds.isPending}
      showSearch={{ optionFilterProp: 'label' }}
      options={items.map((r) => ({ value: r.id, label: r.name }))}
      style={style}
    />
  );
}
