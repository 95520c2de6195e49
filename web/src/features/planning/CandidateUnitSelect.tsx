import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CandidateUnitPage, InspectionType } from '@xuncha/contracts';
import { Select } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { api } from '../../app/api.ts';
import { useDebounced } from '../../shared/useDebounced.ts';

type Option = { value: string; label: string };

type Props = {
  id?: string;
  value?: string | string[];
  onChange?: (value: string | string[] | undefined) => void;
  roundId: string | undefined;
  type: InspectionType | undefined;
  /** 村/社区 only (一托N of villages) */
  villagesOnly?: boolean;
  multiple?: boolean;
  testId?: string;
  /** labels of units put in the value from elsewhere (the risk proposal), which a search may not list */
  knownOptions?: Option[];
};

/**
 * Units that may be targets of this round and type, searched on the server: 提级/交叉 list the units of
 * lower committees (named with their committee), 村(居) only villages and communities.
 */
export function CandidateUnitSelect({
  id,
  value,
  onChange,
  roundId,
  type,
  villagesOnly,
  multiple,
  testId,
  knownOptions = [],
}: Props) {
  const [keyword, setKeyword] = useState('');
  // chosen units may drop out of later searches; keep their labels so the Select never shows bare ids
  const [picked, setPicked] = useState<Map<string, Option>>(new Map());
  const q = useDebounced(keyword.trim());
  const params = { type, q: q || undefined, villagesOnly: villagesOnly ? 'true' : undefined, pageSize: 50 };
  const units = useQuery({
    queryKey: ['candidate-units', roundId, params],
    queryFn: () => api.get<z.infer<typeof CandidateUnitPage>>(`/api/rounds/${roundId}/candidate-units`, params),
    enabled: Boolean(roundId && type),
    placeholderData: keepPreviousData,
  });
  const found = (units.data?.items ?? []).map((u) => ({
    value: u.id,
    label: type === 'elevated' || type === 'cross' ? `${u.name}（${u.committeeName}）` : u.name,
  }));
  const remembered = new Map([...knownOptions.map((o) => [o.value, o] as const), ...picked]);
  const extra = [...remembered.values()].filter((o) => !found.some((f) => f.value === o.value));
  const remember = (options: Option | Option[] | undefined) => {
    const list = Array.isArray(options) ? options : options ? [options] : [];
    setPicked(new Map(list.map((o) => [o.value, o])));
  };
  return (
    <Select<string | string[], Option>
      id={id}
      data-testid={testId}
      mode={multiple ? 'multiple' : undefined}
      value={value}
      onChange={(next, options) => {
        remember(options as Option | Option[] | undefined);
        onChange?.(next);
      }}
      allowClear
      disabled={!roundId || !type}
      placeholder={roundId && type ? '输入单位名称搜索' : '请先选择轮次和巡察类型'}
      loading={units.isFetching}
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      onClear={() => setKeyword('')}
      options={[...extra, ...found]}
      maxTagCount={multiple ? 'responsive' : undefined}
      notFoundContent={units.isFetching ? '搜索中…' : '没有可安排的单位'}
    />
  );
}
