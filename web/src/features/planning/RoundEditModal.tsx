import type { Round, RoundUpdate } from '@xuncha/contracts';
import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import { api } from '../../app/api.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';

type Values = { name: string; dates: [Dayjs, Dayjs]; mobilisedOn: Dayjs | null };
type Editable = Pick<z.infer<typeof Round>, 'id' | 'name' | 'startDate' | 'endDate' | 'mobilisedOn'>;

/** Renames a round, moves its dates (refused once they would exclude an inspection on site), sets the 动员部署会. */
export function RoundEditModal({ round, onClose }: { round: Editable; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const mutation = useApiMutation({
    mutationFn: (body: z.input<typeof RoundUpdate>) => api.patch<Round>(`/api/rounds/${round.id}`, body),
    invalidate: [['round', round.id], ['rounds']],
    successMessage: '巡察轮次已修改',
    form,
    fieldAliases: { startDate: 'dates', endDate: 'dates' },
    onSuccess: onClose,
  });
  const onFinish = ({ name, dates: [start, end], mobilisedOn }: Values) =>
    mutation.mutate({
      name,
      startDate: start.format('YYYY-MM-DD'),
      endDate: end.format('YYYY-MM-DD'),
      mobilisedOn: mobilisedOn ? mobilisedOn.format('YYYY-MM-DD') : null,
    });
  return (
    <FormModal form={form} loading={mutation.isPending} onClose={onClose} title="修改巡察轮次">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          name: round.name,
          dates: [dayjs(round.startDate), dayjs(round.endDate)],
          mobilisedOn: round.mobilisedOn ? dayjs(round.mobilisedOn) : null,
        }}
        onFinish={onFinish}
      >
        <Form.Item
          name="name"
          label="轮次名称"
          rules={[{ required: true, whitespace: true, message: '请填写轮次名称' }]}
        >
          <Input maxLength={100} data-testid="round-name-input" />
        </Form.Item>
        <Form.Item name="dates" label="起止日期" rules={[{ required: true, message: '请选择起止日期' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="mobilisedOn" label="动员部署会日期">
          <DatePicker style={{ width: '100%' }} data-testid="round-mobilised-input" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
