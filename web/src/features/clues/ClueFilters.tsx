import { type ClueStatus, clueCategory, clueStatusLabel } from '@xuncha/contracts';
import { Input, Select } from 'antd';
import type { ReactNode } from 'react';
import { optionsOf } from '../../shared/options.ts';

export type ClueFilterValues = { status?: string; category?: string; q?: string };

type Props = { value: ClueFilterValues; onChange: (changes: ClueFilterValues) => void; children?: ReactNode };

/** Status, category and a keyword searched in the subject's name and the allegation (on the server). */
export function ClueFilters({ value, onChange, children }: Props) {
  return (
    <>
      <Select<ClueStatus>
        allowClear
        placeholder="全部状态"
        style={{ width: 130 }}
        options={optionsOf(clueStatusLabel)}
        value={value.status as ClueStatus | undefined}
        onChange={(status) => onChange({ status })}
        data-testid="clue-filter-status"
      />
      <Select
        allowClear
        placeholder="全部类别"
        style={{ width: 160 }}
        options={optionsOf(clueCategory.labels)}
        value={value.category}
        onChange={(category: string | undefined) => onChange({ category })}
        data-testid="clue-filter-category"
      />
      {children}
      <Input.Search
        allowClear
        placeholder="被反映人或反映内容"
        maxLength={50}
        style={{ width: 220 }}
        defaultValue={value.q}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        data-testid="clue-filter-q"
      />
    </>
  );
}
