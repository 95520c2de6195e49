import { inspectionType } from '@xuncha/contracts';
import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../app/auth.ts';
import type { InspectionCreateBody } from '../../app/types.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { optionsOf } from '../../shared/options.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { useCommitteePeople } from '../org/api.ts';
import { UnitSelect } from '../org/UnitSelect.tsx';
import { createInspection } from './api.ts';
import { RoundSelect } from './RoundSelect.tsx';

type Values = Omit<InspectionCreateBody, 'startDate' | 'endDate'> & { dates: [Dayjs, Dayjs] };

export function InspectionCreateModal({ onClose }: { onClose: () => void }) {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  // The team comes from the staff of the committee that runs the round.
  const [roundCommitteeId, setRoundCommitteeId] = useState<string>();
  const committeeId = roundCommitteeId ?? me.committeeId;
  const people = useCommitteePeople(committeeId);
  const personOptions = (people.data?.items ?? []).map((p) => ({ value: p.id, label: p.displayName }));
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

  const onFinish = ({ dates: [start, end], ...rest }: Values) =>
    mutation.mutate({ ...rest, startDate: start.format('YYYY-MM-DD'), endDate: end.format('YYYY-MM-DD') });

  return (
    <FormModal form={form} loading={mutation.isPending} onClose={onClose} width={640} title="新建巡察">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ type: 'regular', teamMemberIds: [] }}
        onFinish={onFinish}
      >
        <Form.Item name="roundId" label="巡察轮次" rules={[{ required: true, message: '请选择巡察轮次' }]}>
          <RoundSelect onChange={(_, round) => setRoundCommitteeId(round?.committeeId)} />
        </Form.Item>
        <Form.Item name="unitId" label="被巡察单位" rules={[{ required: true, message: '请选择被巡察单位' }]}>
          <UnitSelect committeeId={roundCommitteeId} />
        </Form.Item>
        <Form.Item name="type" label="巡察类型" rules={[{ required: true, message: '请选择巡察类型' }]}>
          <Select options={optionsOf(inspectionType.labels)} />
        </Form.Item>
        <Form.Item
          name="teamName"
          label="巡察组"
          rules={[{ required: true, whitespace: true, message: '请填写巡察组名称' }]}
        >
          <Input maxLength={50} placeholder="如：第一巡察组" />
        </Form.Item>
        <Form.Item name="teamLeaderId" label="组长" rules={[{ required: true, message: '请选择组长' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={personOptions} loading={people.isFetching} />
        </Form.Item>
        <Form.Item name="teamMemberIds" label="组员">
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={personOptions}
            loading={people.isFetching}
          />
        </Form.Item>
        <Form.Item name="dates" label="巡察起止日期" rules={[{ required: true, message: '请选择起止日期' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="selectionReason"
          label="选定理由"
          rules={[{ required: true, whitespace: true, message: '请填写选定理由' }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：群众反映集中、以往巡察整改不到位等" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
