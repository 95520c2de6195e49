import type { InspectionBatchCreate, RoundDetail } from '@xuncha/contracts';
import { Alert, Button, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import { ApiError, api, errorMessage } from '../../app/api.ts';
import { useCan } from '../../app/auth.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { useRiskFill } from '../risk/useRiskFill.ts';
import { CandidateUnitSelect } from './CandidateUnitSelect.tsx';
import { ScheduleItems, scheduleDates } from './ScheduleItems.tsx';

type Body = z.input<typeof InspectionBatchCreate>;
type Values = Omit<Body, 'startDate' | 'endDate'> & { dates: [Dayjs, Dayjs] };

const BATCH_TYPES = [
  { value: 'village', label: '村(居)巡察' },
  { value: 'regular', label: '常规巡察' },
  { value: 'special', label: '专项巡察' },
  { value: 'mobile', label: '机动巡察' },
];

/** 一托N: one team takes many units at once (typically the villages of a township); all or nothing. */
export function BatchTargetsModal({ round, onClose }: { round: RoundDetail; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);
  const mutation = useApiMutation({
    mutationFn: (body: Body) => api.post<{ items: unknown[] }>(`/api/rounds/${round.id}/inspections/batch`, body),
    invalidate: [['round', round.id], ['inspections'], ['teams']],
    successMessage: '巡察对象已批量安排',
    form,
    fieldAliases: { startDate: 'dates', endDate: 'dates' },
    onSuccess: onClose,
  });
  // every refused unit is listed (the field shows only one message)
  const refused =
    mutation.error instanceof ApiError
      ? mutation.error.details.filter((d) => d.path === 'unitIds' || d.path === 'cadreId')
      : [];
  const onFinish = ({ dates, ...rest }: Values) => mutation.mutate({ ...rest, ...scheduleDates(dates) });
  const can = useCan();
  const risk = useRiskFill(round);
  const fillFromRisk = async () => {
    const proposal = await risk.propose(type === 'village' ? 'village' : undefined);
    if (proposal.unitIds.length > 0)
      form.setFieldsValue({ unitIds: proposal.unitIds, selectionReason: proposal.reason });
  };

  return (
    <FormModal form={form} loading={mutation.isPending} onClose={onClose} width={680} title="批量安排巡察对象（一托N）">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ type: 'village', dates: [dayjs(round.startDate), dayjs(round.endDate)] }}
        onFinish={onFinish}
      >
        <Form.Item name="teamId" label="巡察组" rules={[{ required: true, message: '请选择巡察组' }]}>
          <Select
            options={round.teams.map((t) => ({ value: t.id, label: t.name }))}
            data-testid="batch-team-select"
            placeholder="选择承担任务的巡察组"
          />
        </Form.Item>
        <Form.Item name="type" label="巡察类型" rules={[{ required: true, message: '请选择巡察类型' }]}>
          <Select
            options={BATCH_TYPES}
            data-testid="batch-type-select"
            onChange={() => form.setFieldValue('unitIds', [])}
          />
        </Form.Item>
        <Form.Item
          name="unitIds"
          label="被巡察单位"
          rules={[{ required: true, message: '请至少选择一个单位' }]}
          extra={
            <>
              可输入乡镇名称（如“白马镇”）筛选该镇的村、社区后逐个勾选
              {can('risk.read') && (
                <Button
                  type="link"
                  size="small"
                  loading={risk.loading}
                  onClick={fillFromRisk}
                  data-testid="batch-risk-fill"
                >
                  按风险推荐前 10 个尚未巡察的单位
                </Button>
              )}
              {risk.error && <span style={{ color: '#ff4d4f' }}>{errorMessage(risk.error)}</span>}
            </>
          }
        >
          <CandidateUnitSelect
            multiple
            roundId={round.id}
            type={type}
            villagesOnly={type === 'village'}
            testId="batch-unit-select"
            knownOptions={risk.options}
          />
        </Form.Item>
        <ScheduleItems reasonRows={2} reasonPlaceholder="如：巡镇带村，届内村(居)全覆盖安排" />
        {refused.length > 0 && (
          <Alert
            type="error"
            showIcon
            data-testid="batch-refusals"
            title={`以下 ${refused.length} 项未通过，均未安排：`}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {refused.map((d) => (
                  <li key={d.message}>{d.message}</li>
                ))}
              </ul>
            }
          />
        )}
      </Form>
    </FormModal>
  );
}
