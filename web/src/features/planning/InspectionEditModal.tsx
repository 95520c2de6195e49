import type { InspectionUpdate } from '@xuncha/contracts';
import { Alert, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import { ApiError, api } from '../../app/api.ts';
import { useCan } from '../../app/auth.ts';
import type { Inspection } from '../../app/types.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { useRoundTeams } from './api.ts';
import { ScheduleItems, scheduleDates } from './ScheduleItems.tsx';

type Values = { dates: [Dayjs, Dayjs]; selectionReason: string; teamId: string | null; overrideReason?: string };

/** While in 准备: dates, the reason the unit was chosen, and the team (回避 is checked for its members). */
export function InspectionEditModal({ inspection, onClose }: { inspection: Inspection; onClose: () => void }) {
  const can = useCan();
  const [form] = Form.useForm<Values>();
  const teams = useRoundTeams(inspection.roundId);
  const mutation = useApiMutation({
    mutationFn: (body: z.input<typeof InspectionUpdate>) =>
      api.patch<Inspection>(`/api/inspections/${inspection.id}`, body),
    invalidate: [['inspection', inspection.id], ['inspections'], ['round', inspection.roundId]],
    successMessage: '巡察安排已修改',
    form,
    fieldAliases: { startDate: 'dates', endDate: 'dates', teamId: 'teamId' },
    onSuccess: onClose,
  });
  const avoidance = mutation.error instanceof ApiError && mutation.error.code === 'avoidance' ? mutation.error : null;
  const mayOverride = can('avoidance.override');
  const onFinish = ({ dates, overrideReason, ...rest }: Values) =>
    mutation.mutate({
      ...rest,
      ...scheduleDates(dates),
      override: overrideReason ? { reason: overrideReason } : undefined,
    });
  return (
    <FormModal
      form={form}
      loading={mutation.isPending}
      onClose={onClose}
      width={600}
      title={`修改巡察安排：${inspection.unitName}`}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          dates: [dayjs(inspection.startDate), dayjs(inspection.endDate)],
          selectionReason: inspection.selectionReason ?? '',
          teamId: inspection.teamId,
        }}
        onFinish={onFinish}
      >
        <Form.Item name="teamId" label="巡察组">
          <Select
            allowClear
            options={(teams.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))}
            loading={teams.isFetching}
            data-testid="inspection-edit-team"
          />
        </Form.Item>
        <ScheduleItems />
        {avoidance && (
          <Alert
            type={mayOverride ? 'warning' : 'error'}
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="avoidance-alert"
            title="该巡察组有成员须回避"
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {avoidance.details.map((d) => (
                  <li key={d.message}>{d.message}</li>
                ))}
              </ul>
            }
          />
        )}
        {avoidance && mayOverride && (
          <Form.Item
            name="overrideReason"
            label="例外批准理由"
            rules={[{ required: true, whitespace: true, message: '请填写例外批准理由' }]}
          >
            <Input.TextArea rows={2} maxLength={500} data-testid="avoidance-override-reason" />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
