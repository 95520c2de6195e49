import {
  type AccountabilityGround,
  type AccountabilityMeasure,
  accountabilityGround,
  accountabilityMeasure,
} from '@xuncha/contracts';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { optionsOf } from '../../shared/options.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { useCases } from '../supervision/api.ts';
import { ACCOUNTABILITY_KEYS, type Accountability, decideAccountability, proposeAccountability } from './api.ts';

type ProposeValues = {
  rectificationId: string;
  personName: string;
  personPost: string;
  ground: AccountabilityGround;
  facts: string;
  proposedMeasure: AccountabilityMeasure;
};

export function ProposeModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<ProposeValues>();
  const cases = useCases();
  const propose = useApiMutation({
    mutationFn: ({ rectificationId, ...body }: ProposeValues) => proposeAccountability(rectificationId, body),
    invalidate: ACCOUNTABILITY_KEYS,
    successMessage: '问责建议已提出',
    form,
    onSuccess: onClose,
  });
  return (
    <Modal
      open
      title="提出问责建议"
      okText="提出"
      onOk={() => form.submit()}
      confirmLoading={propose.isPending}
      onCancel={onClose}
      okButtonProps={{ ...({ 'data-testid': 'accountability-propose-submit' } as object) }}
    >
      <Form form={form} layout="vertical" onFinish={(v) => propose.mutate(v)}>
        <Form.Item name="rectificationId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
          <Select
            loading={cases.isLoading}
            options={cases.data?.items.map((c) => ({ value: c.id, label: c.unitName }))}
            data-testid="accountability-case"
          />
        </Form.Item>
        <Form.Item name="personName" label="被问责人" rules={[{ required: true, message: '请填写被问责人姓名' }]}>
          <Input maxLength={50} data-testid="accountability-person" />
        </Form.Item>
        <Form.Item name="personPost" label="职务" rules={[{ required: true, message: '请填写职务' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="ground" label="问责情形" rules={[{ required: true, message: '请选择问责情形' }]}>
          <Select options={optionsOf(accountabilityGround.labels)} />
        </Form.Item>
        <Form.Item name="facts" label="问责事实" rules={[{ required: true, message: '请填写问责事实' }]}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Form.Item name="proposedMeasure" label="建议问责方式" rules={[{ required: true, message: '请选择问责方式' }]}>
          <Select options={optionsOf(accountabilityMeasure.labels)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type DecideValues = { measure: AccountabilityMeasure; docNo: string; decidedOn: Dayjs; comment?: string };

export function DecideModal({ item, onClose }: { item: Accountability; onClose: () => void }) {
  const [form] = Form.useForm<DecideValues>();
  const decide = useApiMutation({
    mutationFn: (v: DecideValues) =>
      decideAccountability(item.id, { ...v, decidedOn: v.decidedOn.format('YYYY-MM-DD') }),
    invalidate: ACCOUNTABILITY_KEYS,
    successMessage: '问责决定已记录',
    form,
    onSuccess: onClose,
  });
  return (
    <Modal
      open
      title={`问责决定：${item.personName}`}
      onOk={() => form.submit()}
      confirmLoading={decide.isPending}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ measure: item.proposedMeasure }}
        onFinish={(v) => decide.mutate(v)}
      >
        <Form.Item name="measure" label="问责方式" rules={[{ required: true }]}>
          <Select options={optionsOf(accountabilityMeasure.labels)} />
        </Form.Item>
        <Form.Item name="docNo" label="决定文号" rules={[{ required: true, message: '请填写决定文号' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="decidedOn" label="决定日期" rules={[{ required: true, message: '请选择决定日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="comment" label="说明">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
