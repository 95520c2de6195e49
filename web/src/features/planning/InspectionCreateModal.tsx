import { inspectionType } from '@xuncha/contracts';
import { Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import type { InspectionCreateBody } from '../../app/types.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { formatDate } from '../../shared/format.ts';
import { optionsOf } from '../../shared/options.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { createInspection, useInspectionPage, useRoundTeams } from './api.ts';
import { CandidateUnitSelect } from './CandidateUnitSelect.tsx';
import { RoundSelect } from './RoundSelect.tsx';
import { ScheduleItems, scheduleDates } from './ScheduleItems.tsx';

type Values = Omit<InspectionCreateBody, 'startDate' | 'endDate'> & { dates: [Dayjs, Dayjs] };

export function InspectionCreateModal({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const roundId = Form.useWatch('roundId', form);
  const unitId = Form.useWatch('unitId', form);
  const type = Form.useWatch('type', form);
  const teams = useRoundTeams(roundId);
  const teamOptions = (teams.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }));
  // 回头看 revisits an earlier inspection of the same unit whose rectification is under way
  const previous = useInspectionPage({ unitId, pageSize: 50 });
  const previousOptions = (previous.data?.items ?? [])
    .filter((i) => ['rectifying', 'evaluating', 'archived'].includes(i.phase))
    .map((i) => ({ value: i.id, label: `${i.roundName}（${formatDate(i.startDate)}）` }));
  const mutation = useApiMutation({
    mutationFn: createInspection,
    invalidate: [['inspections'], ['rounds']],
    successMessage: '巡察项目已创建',
    form,
    fieldAliases: { startDate: 'dates', endDate: 'dates' },
    onSuccess: (inspection) => {
      onClose();
      navigate(`/inspections/${inspection.id}`);
    },
  });

  const onFinish = ({ dates, ...rest }: Values) => mutation.mutate({ ...rest, ...scheduleDates(dates) });

  return (
    <FormModal form={form} loading={mutation.isPending} onClose={onClose} width={640} title="新建巡察">
      <Form<Values> form={form} layout="vertical" initialValues={{ type: 'regular' }} onFinish={onFinish}>
        <Form.Item name="roundId" label="巡察轮次" rules={[{ required: true, message: '请选择巡察轮次' }]}>
          <RoundSelect onChange={() => form.setFieldValue('unitId', undefined)} />
        </Form.Item>
        <Form.Item name="type" label="巡察类型" rules={[{ required: true, message: '请选择巡察类型' }]}>
          <Select
            options={optionsOf(inspectionType.labels)}
            data-testid="inspection-type-select"
            onChange={() => form.setFieldValue('unitId', undefined)}
          />
        </Form.Item>
        <Form.Item
          name="unitId"
          label="被巡察单位"
          rules={[{ required: true, message: '请选择被巡察单位' }]}
          extra={type === 'elevated' || type === 'cross' ? '提级、交叉巡察可选择下级党委管辖的单位' : undefined}
        >
          <CandidateUnitSelect roundId={roundId} type={type} testId="inspection-unit-select" />
        </Form.Item>
        <Form.Item name="teamId" label="巡察组" extra="可稍后在轮次中组建巡察组后再指定">
          <Select allowClear options={teamOptions} loading={teams.isFetching} data-testid="inspection-team-select" />
        </Form.Item>
        {type === 'lookback' && (
          <Form.Item
            name="previousInspectionId"
            label="此前的巡察"
            rules={[{ required: true, message: '巡察“回头看”须选择此前的巡察' }]}
          >
            <Select options={previousOptions} loading={previous.isFetching} data-testid="previous-inspection-select" />
          </Form.Item>
        )}
        <ScheduleItems reasonPlaceholder="如：群众反映集中、以往巡察整改不到位等" />
      </Form>
    </FormModal>
  );
}
