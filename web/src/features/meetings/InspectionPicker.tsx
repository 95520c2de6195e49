import { Select } from 'antd';
import { useInspectionPage } from '../planning/api.ts';

/** A searchable picker of the inspections the user sees (the first 100, newest first). */
export function InspectionPicker(props: { value?: string; onChange?: (value: string | undefined) => void }) {
  const inspections = useInspectionPage({ pageSize: 100 });
  const options = (inspections.data?.items ?? []).map((i) => ({
    value: i.id,
    label: `${i.unitName}（${i.roundName}）`,
  }));
  return (
    <Select
      {...props}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="所涉巡察"
      options={options}
      loading={inspections.isPending}
      style={{ minWidth: 260 }}
    />
  );
}
