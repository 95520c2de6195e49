import { aspect, discipline, handoverStage, rectificationState, reportStatusLabel } from '@xuncha/contracts';
import { Flex, Input, Select } from 'antd';
import { useCan } from '../../app/auth.ts';
import { optionsOf } from '../../shared/options.ts';
import { UnitSelect } from '../org/UnitSelect.tsx';
import { RoundSelect } from '../planning/RoundSelect.tsx';

/** Every filter of GET /api/results-ledger, by its query parameter. */
export const RESULTS_FILTER_KEYS = [
  'q',
  'roundId',
  'unitId',
  'aspect',
  'discipline',
  'reportStatus',
  'fedBack',
  'handoverStatus',
  'rectification',
] as const;
type Key = (typeof RESULTS_FILTER_KEYS)[number];
type Values = Partial<Record<Key, string>>;

const selects: { key: Key; placeholder: string; options: { value: string; label: string }[]; width?: number }[] = [
  { key: 'aspect', placeholder: '四个方面', options: optionsOf(aspect.labels), width: 200 },
  { key: 'discipline', placeholder: '六项纪律', options: optionsOf(discipline.labels) },
  {
    key: 'reportStatus',
    placeholder: '巡察报告',
    options: [...optionsOf(reportStatusLabel), { value: 'none', label: '未起草' }],
  },
  {
    key: 'fedBack',
    placeholder: '反馈情况',
    options: [
      { value: 'true', label: '已反馈' },
      { value: 'false', label: '未反馈' },
    ],
  },
  { key: 'handoverStatus', placeholder: '移交情况', options: optionsOf(handoverStage.labels) },
  { key: 'rectification', placeholder: '整改情况', options: optionsOf(rectificationState.labels) },
];

type Props = { values: Values; onChange: (changes: Values) => void };

/** Round and unit pickers appear only to users who may list rounds and units (纪委监委 and 组织部 may not). */
export function ResultsFilters({ values, onChange }: Props) {
  const can = useCan();
  return (
    <Flex wrap gap={8} style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        placeholder="搜索问题标题"
        style={{ width: 220 }}
        defaultValue={values.q}
        onSearch={(q) => onChange({ q })}
      />
      {can('round.read') && (
        <RoundSelect
          allowClear
          value={values.roundId}
          onChange={(roundId) => onChange({ roundId })}
          style={{ width: 220 }}
        />
      )}
      {can('unit.read') && (
        <div style={{ width: 220 }}>
          <UnitSelect value={values.unitId} onChange={(unitId) => onChange({ unitId })} placeholder="被巡察单位" />
        </div>
      )}
      {selects.map((s) => (
        <Select<string>
          key={s.key}
          allowClear
          placeholder={s.placeholder}
          style={{ width: s.width ?? 130 }}
          options={s.options}
          value={values[s.key]}
          onChange={(value) => onChange({ [s.key]: value })}
          data-testid={`results-filter-${s.key}`}
        />
      ))}
    </Flex>
  );
}
