import { fieldworkKind } from '@xuncha/contracts';
import { Select, type SelectProps } from 'antd';
import { useFieldworkRecords } from './api.ts';

type Props = Omit<SelectProps<string[]>, 'options' | 'mode'> & { inspectionId: string; exclude?: string[] };

/** Picks fieldwork records of the inspection as a finding's evidence, by kind, title and date only. */
export function EvidencePicker({ inspectionId, exclude = [], ...props }: Props) {
  const records = useFieldworkRecords(inspectionId);
  const options = (records.data?.items ?? [])
    .filter((r) => !exclude.includes(r.id))
    .map((r) => ({
      value: r.id,
      label: `${fieldworkKind.labels[r.kind]}｜${r.title}（${r.occurredOn}）`,
    }));
  return (
    <Select
      mode="multiple"
      allowClear
      optionFilterProp="label"
      loading={records.isFetching}
      placeholder={records.isError ? '无法加载了解情况记录' : '选择谈话、调阅资料等记录'}
      notFoundContent="暂无了解情况记录"
      options={options}
      {...props}
    />
  );
}
