import { Form, Input } from 'antd';
import type { FindingCreateBody } from '../../app/types.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { createFinding, FINDING_RELATED_KEYS } from './api.ts';
import { ClassificationFields } from './ClassificationFields.tsx';
import { EvidencePicker } from './EvidencePicker.tsx';
import { ImmediateSection } from './ImmediateSection.tsx';

type Props = { inspectionId: string; onClose: () => void };

/** Title and facts of a finding: the same two fields in the create and edit forms. */
export function FindingTextFields() {
  return (
    <>
      <Form.Item
        name="title"
        label="问题标题"
        rules={[{ required: true, whitespace: true, message: '请填写问题标题' }]}
      >
        <Input maxLength={200} placeholder="概括问题，直指要害" data-testid="finding-title" />
      </Form.Item>
      <Form.Item
        name="facts"
        label="问题事实"
        rules={[{ required: true, whitespace: true, message: '请填写问题事实' }]}
      >
        <Input.TextArea rows={5} maxLength={10000} showCount placeholder="具体事实、时间、金额、涉及人员等" />
      </Form.Item>
    </>
  );
}

export function FindingCreateModal({ inspectionId, onClose }: Props) {
  const [form] = Form.useForm<FindingCreateBody>();
  const eightRules = Form.useWatch('eightRules', form);
  const mutation = useApiMutation({
    mutationFn: (body: FindingCreateBody) => createFinding(inspectionId, body),
    invalidate: FINDING_RELATED_KEYS,
    successMessage: (body) => (body.eightRules ? '问题已登记，立行立改任务已下达' : '问题已登记'),
    form,
    onSuccess: onClose,
  });

  return (
    <FormModal form={form} loading={mutation.isPending} onClose={onClose} width={820} title="登记问题">
      <Form<FindingCreateBody>
        form={form}
        layout="vertical"
        initialValues={{ isCommon: false, eightRules: false, areas: [], evidenceRecordIds: [] }}
        onFinish={(values) => mutation.mutate(values)}
      >
        <FindingTextFields />
        <ClassificationFields />
        {eightRules && <ImmediateSection inspectionId={inspectionId} />}
        <Form.Item name="evidenceRecordIds" label="佐证记录" extra="关联本巡察的谈话、调阅资料等了解情况记录">
          <EvidencePicker inspectionId={inspectionId} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
