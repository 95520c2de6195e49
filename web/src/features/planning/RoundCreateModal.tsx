import { useQuery } from '@tanstack/react-query';
import type { RoundSuggestion } from '@xuncha/contracts';
import { DatePicker, Form, Input, InputNumber } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { z } from 'zod';
import { api } from '../../app/api.ts';
import { useCurrentUser } from '../../app/auth.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { todayInShanghai } from '../../shared/today.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { CommitteeSelect } from '../org/CommitteeSelect.tsx';
import { createRound } from './api.ts';

type Values = {
  committeeId: string;
  name: string;
  year: number;
  seq: number;
  dates: [Dayjs, Dayjs];
  mobilisedOn?: Dayjs | null;
};

export function RoundCreateModal({ onClose }: { onClose: () => void }) {
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const committeeId = Form.useWatch('committeeId', form) ?? me.committeeId ?? undefined;
  // the next round's name and numbers ("十五届区委第四轮巡察") from the committee's earlier rounds
  const suggestion = useQuery({
    queryKey: ['round-suggestion', committeeId],
    queryFn: () => api.get<z.infer<typeof RoundSuggestion>>('/api/rounds/suggestion', { committeeId }),
    enabled: Boolean(committeeId),
  });
  useEffect(() => {
    if (suggestion.data && !form.isFieldsTouched(['name', 'year', 'seq'])) form.setFieldsValue(suggestion.data);
  }, [suggestion.data, form]);
  const mutation = useApiMutation({
    mutationFn: createRound,
    invalidate: [['rounds']],
    successMessage: '巡察轮次已创建',
    form,
    fieldAliases: { startDate: 'dates', endDate: 'dates' },
    onSuccess: onClose,
  });

  const onFinish = ({ dates: [start, end], mobilisedOn, ...rest }: Values) =>
    mutation.mutate({
      ...rest,
      startDate: start.format('YYYY-MM-DD'),
      endDate: end.format('YYYY-MM-DD'),
      mobilisedOn: mobilisedOn ? mobilisedOn.format('YYYY-MM-DD') : undefined,
    });

  return (
    <FormModal form={form} loading={mutation.isPending} onClose={onClose} title="新建巡察轮次">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ committeeId: me.committeeId ?? undefined, year: todayInShanghai().year() }}
        onFinish={onFinish}
      >
        <Form.Item name="committeeId" label="巡察机构" rules={[{ required: true, message: '请选择巡察机构' }]}>
          <CommitteeSelect />
        </Form.Item>
        <Form.Item
          name="name"
          label="轮次名称"
          rules={[{ required: true, whitespace: true, message: '请填写轮次名称' }]}
        >
          <Input maxLength={100} placeholder="如：十五届区委第三轮巡察" />
        </Form.Item>
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="seq" label="轮次序号" rules={[{ required: true, message: '请填写轮次序号' }]}>
          <InputNumber min={1} max={50} precision={0} style={{ width: '100%' }} placeholder="本届第几轮" />
        </Form.Item>
        <Form.Item name="dates" label="起止日期" rules={[{ required: true, message: '请选择起止日期' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="mobilisedOn" label="动员部署会日期" extra="可稍后在轮次详情中补填">
          <DatePicker style={{ width: '100%' }} data-testid="round-mobilised-input" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
