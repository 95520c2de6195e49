import { Form } from 'antd';
import { FormModal } from '../../shared/FormModal.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { FINDING_RELATED_KEYS, type FindingDetail, type FindingUpdateBody, updateFinding } from './api.ts';
import { ClassificationFields } from './ClassificationFields.tsx';
import { FindingTextFields } from './FindingCreateModal.tsx';
import { ImmediateSection } from './ImmediateSection.tsx';

/** Edits a draft finding; ticking 八项规定 on a finding without a 立行立改 task asks for one. */
export function FindingEditModal({ finding, onClose }: { finding: FindingDetail; onClose: () => void }) {
  const [form] = Form.useForm<FindingUpdateBody>();
  const eightRules = Form.useWatch('eightRules', form);
  const mutation = useApiMutation({
    mutationFn: (body: FindingUpdateBody) => updateFinding(finding.id, body),
    invalidate: FINDING_RELATED_KEYS,
    successMessage: '问题已修改',
    form,
    onSuccess: onClose,
  });
  const { title, facts, aspect, discipline, majorProblem, focus, powerType, areas, isCommon } = finding;
  return (
    <FormModal form={form} loading={mutation.isPending} onClose={onClose} width={820} title={`修改问题${finding.seq}`}>
      <Form<FindingUpdateBody>
        form={form}
        layout="vertical"
        initialValues={{
          title,
          facts,
          aspect,
          discipline,
          majorProblem,
          focus,
          powerType,
          areas,
          isCommon,
          eightRules: finding.eightRules,
        }}
        onFinish={(values) => mutation.mutate(values)}
      >
        <FindingTextFields />
        <ClassificationFields />
        {eightRules && !finding.immediate && <ImmediateSection inspectionId={finding.inspectionId} />}
      </Form>
    </FormModal>
  );
}
