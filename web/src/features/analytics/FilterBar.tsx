// The filter of the 统计分析 page — 届, 轮次, 单位类别, 区域 — kept in the URL so a filtered view can be linked
// to and survives reload. Every tab reads the same AnalyticsFilter.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type AnalyticsFilter, unitKind } from '@xuncha/contracts';
import { Flex, Select } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../app/api.ts';
import type { UnitPageData } from '../../app/types.ts';
import { optionsOf } from '../../shared/options.ts';
import { useDebounced } from '../../shared/useDebounced.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { useTermPlans } from '../coverage/api.ts';
import { useUnit } from '../org/api.ts';
import { useRoundPage } from '../planning/api.ts';

/** The page's filter as the URL holds it; absent keys are left out so query keys stay stable. */
export function useAnalyticsFilter(): AnalyticsFilter {
  const search = useSearchState();
  const committeeId = search.get('committeeId');
  const termPlanId = search.get('termPlanId');
  const roundId = search.get('roundId');
  const kind = search.get('unitKind') as AnalyticsFilter['unitKind'];
  const areaUnitId = search.get('areaUnitId');
  return useMemo(() => {
    const filter: AnalyticsFilter = {};
    if (committeeId) filter.committeeId = committeeId;
    if (termPlanId) filter.termPlanId = termPlanId;
    if (roundId) filter.roundId = roundId;
    if (kind) filter.unitKind = kind;
    if (areaUnitId) filter.areaUnitId = areaUnitId;
    return filter;
  }, [committeeId, termPlanId, roundId, kind, areaUnitId]);
}

function AreaSelect({ value, onChange }: { value: string | undefined; onChange: (id: string | undefined) => void }) {
  const [keyword, setKeyword] = useState('');
  const q = useDebounced(keyword.trim());
  const units = useQuery({
    queryKey: ['analytics-area-units', q],
    queryFn: () => api.get<UnitPageData>('/api/units', { q: q || undefined, pageSize: 30 }),
    placeholderData: keepPreviousData,
  });
  // the chosen unit may not be among the search results: name it from its own record
  const chosen = useUnit(value);
  const options = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  if (value && chosen.data && !options.some((o) => o.value === value))
    options.unshift({ value, label: chosen.data.name });
  return (
    <Select
      allowClear
      placeholder="全部区域（输入单位名称搜索）"
      style={{ width: 260 }}
      value={value}
      options={options}
      loading={units.isFetching}
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      onClear={() => setKeyword('')}
      onChange={(v) => onChange(v)}
      notFoundContent={units.isFetching ? '搜索中…' : '没有匹配的单位'}
      data-testid="analytics-area"
    />
  );
}

export function FilterBar({ filter }: { filter: AnalyticsFilter }) {
  const search = useSearchState();
  const terms = useTermPlans();
  const rounds = useRoundPage({ pageSize: 100 });
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }} data-testid="analytics-filter">
      <Select
        allowClear
        placeholder="全部届期"
        style={{ width: 220 }}
        value={filter.termPlanId}
        options={(terms.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))}
        onChange={(v) => search.setFilters({ termPlanId: v })}
        data-testid="analytics-term"
      />
      <Select
        allowClear
        placeholder="全部巡察轮次"
        style={{ width: 240 }}
        value={filter.roundId}
        options={(rounds.data?.items ?? []).map((r: { id: string; name: string }) => ({ value: r.id, label: r.name }))}
        onChange={(v) => search.setFilters({ roundId: v })}
        data-testid="analytics-round"
      />
      <Select
        allowClear
        placeholder="全部单位类别"
        style={{ width: 160 }}
        value={filter.unitKind}
        options={optionsOf(unitKind.labels)}
        onChange={(v) => search.setFilters({ unitKind: v })}
        data-testid="analytics-unit-kind"
      />
      <AreaSelect value={filter.areaUnitId} onChange={(v) => search.setFilters({ areaUnitId: v })} />
    </Flex>
  );
}
