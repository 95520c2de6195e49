import { area, aspect, discipline, findingStatusLabel, focus, majorProblem, powerType } from '@xuncha/contracts';
import { Flex, Input, Select } from 'antd';
import { optionsOf } from '../../shared/options.ts';

/** Every filter of GET /api/findings, by its query parameter. */
export const FINDING_FILTER_KEYS = [
  'q',
  'aspect',
  'discipline',
  'majorProblem',
  'focus',
  'powerType',
  'area',
  'isCommon',
  'eightRules',
  'immediate',
  'status',
] as const;
export type FindingFilterKey = (typeof FINDING_FILTER_KEYS)[number];
type Values = Partial<Record<FindingFilterKey, string>>;

const yesNo = (yes: string, no: string) => [
  { value: 'true', label: yes },
  { value: 'false', label: no },
];

const selects: {
  key: FindingFilterKey;
  placeholder: string;
  options: { value: string; label: string }[];
  width?: number;
}[] = [
  { key: 'aspect', placeholder: '四个方面', options: optionsOf(aspect.labels), width: 200 },
  { key: 'discipline', placeholder: '六项纪律', options: optionsOf(discipline.labels) },
  { key: 'majorProblem', placeholder: '三大问题', options: optionsOf(majorProblem.labels), width: 170 },
  { key: 'focus', placeholder: '三个重点', options: optionsOf(focus.labels) },
  { key: 'powerType', placeholder: '权力类型', options: optionsOf(powerType.labels) },
  { key: 'area', placeholder: '领域', options: optionsOf(area.labels), width: 160 },
  { key: 'isCommon', placeholder: '共性/个性', options: yesNo('共性问题', '个性问题') },
  { key: 'eightRules', placeholder: '八项规定/"四风"', options: yesNo('是', '否'), width: 150 },
  { key: 'immediate', placeholder: '立行立改', options: yesNo('立行立改', '非立行立改') },
  { key: 'status', placeholder: '反馈状态', options: optionsOf(findingStatusLabel) },
];

type Props = { values: Values; onChange: (changes: Values) => void };

/** Filters for every taxonomy dimension of a finding, plus a search over title and facts. */
export function FindingFilters({ values, onChange }: Props) {
  return (
    <Flex wrap gap={8} style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        placeholder="搜索问题标题或事实"
        style={{ width: 240 }}
        defaultValue={values.q}
        onSearch={(q) => onChange({ q })}
      />
      {selects.map((s) => (
        <Select<string>
          key={s.key}
          allowClear
          placeholder={s.placeholder}
          style={{ width: s.width ?? 130 }}
          options={s.options}
          value={values[s.key]}
          onChange={(value) => onChange({ [s.key]: value })}
          data-testid={`finding-filter-${s.key}`}
        />
      ))}
    </Flex>
  );
}
