import { Form, InputNumber } from 'antd';
import { FormModal } from '../../shared/FormModal.tsx';

type Props = { count: number; loading: boolean; onSubmit: (year: number | null) => void; onClose: () => void };

/** 设定计划年度 for the selected units; an empty value clears it. */
export function PlannedYearModal({ count, loading, onSubmit, onClose }: Props) {
  const [form] = Form.useForm<{ year?: number | null }>();
  return (
    <FormModal form={form} loading={loading} onClose={onClose} title={`设定计划巡察年度（已选 ${count} 个单位）`}>
      <Form form={form} layout="vertical" onFinish={({ year }) => onSubmit(year ?? null)}>
        <Form.Item name="year" label="计划年度" extra="留空表示清除计划年度">
          <InputNumber min={1900} max={2100} precision={0} style={{ width: '100%' }} data-testid="planned-year" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
