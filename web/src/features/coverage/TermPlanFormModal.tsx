import { DatePicker, Form, Input, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCurrentUser } from '../../app/auth.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { todayInShanghai } from '../../shared/today.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { CommitteeSelect } from '../org/CommitteeSelect.tsx';
import { createTermPlan, PLAN_KEYS, type TermPlan, updateTermPlan } from './api.ts';

type Values = { committeeId: string; name: string; dates: [Dayjs, Dayjs]; roundsPerYear: number; notes?: string };

type Props = {
  /** absent: a new plan */
  plan?: TermPlan;
  onClose: () => void;
  onSaved?: (plan: TermPlan) => void;
};

/** 新建/编辑届内规划: a new plan starts with every active unit of the committee (villages included). */
export function TermPlanFormModal({ plan, onClose, onSaved }: Props) {
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const mutation = useApiMutation({
    mutationFn: ({ dates: [start, end], committeeId, ...rest }: Values) => {
      const body = { ...rest, startDate: start.format('YYYY-MM-DD'), endDate: end.format('YYYY-MM-DD') };
      return plan ? updateTermPlan(plan.id, body) : createTermPlan({ ...body, committeeId });
    },
    invalidate: PLAN_KEYS,
    successMessage: plan ? '届内规划已保存' : '届内规划已创建，已纳入本党委全部在用单位',
    form,
    fieldAliases: { startDate: 'dates', endDate: 'dates' },
    onSuccess: (saved) => {
      onSaved?.(saved);
      onClose();
    },
  });
  const initial = plan
    ? { ...plan, notes: plan.notes ?? undefined, dates: [dayjs(plan.startDate), dayjs(plan.endDate)] }
    : {
        committeeId: me.committeeId ?? undefined,
        roundsPerYear: 2,
        dates: [todayInShanghai().startOf('year'), todayInShanghai().startOf('year').add(5, 'year').subtract(1, 'day')],
      };

  return (
    <FormModal
      form={form}
      loading={mutation.isPending}
      onClose={onClose}
      title={plan ? '编辑届内规划' : '新建届内规划'}
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => mutation.mutate(v)}>
        {!plan && (
          <Form.Item name="committeeId" label="巡察机构" rules={[{ required: true, message: '请选择巡察机构' }]}>
            <CommitteeSelect />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label="规划名称"
          rules={[{ required: true, whitespace: true, message: '请填写规划名称' }]}
        >
          <Input maxLength={100} placeholder="如：十五届区委巡察工作规划" data-testid="term-plan-name" />
        </Form.Item>
        <Form.Item name="dates" label="届期（起止日期）" rules={[{ required: true, message: '请选择届期' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} data-testid="term-plan-dates" />
        </Form.Item>
        <Form.Item name="roundsPerYear" label="每年巡察轮次" rules={[{ required: true, message: '请填写每年轮次' }]}>
          <InputNumber min={1} max={12} precision={0} style={{ width: '100%' }} data-testid="term-plan-rounds" />
        </Form.Item>
        <Form.Item name="notes" label="备注">
          <Input.TextArea maxLength={2000} rows={3} placeholder="如：每年一轮巡，三年全覆盖；村(居)届内全覆盖" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
