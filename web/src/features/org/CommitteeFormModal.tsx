import { COMMITTEE_LEVELS, type Committee } from '@xuncha/contracts';
import { Form, Input, InputNumber, Select } from 'antd';
import { FormModal } from '../../shared/FormModal.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { createCommittee, updateCommittee } from './api.ts';

type Props = {
  editing: { mode: 'create'; parent: Committee } | { mode: 'edit'; committee: Committee };
  onClose: () => void;
};
type Values = { name: string; shortName?: string; level: (typeof COMMITTEE_LEVELS)[number]; avoidanceYears: number };

/** A new child committee, or the settings (名称, 简称 used in round names, 回避年限) of one. */
export function CommitteeFormModal({ editing, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const creating = editing.mode === 'create';
  const mutation = useApiMutation({
    mutationFn: (values: Values) =>
      editing.mode === 'create'
        ? createCommittee({ ...values, parentId: editing.parent.id })
        : updateCommittee(editing.committee.id, {
            name: values.name,
            shortName: values.shortName ?? '',
            avoidanceYears: values.avoidanceYears,
          }),
    invalidate: [['committees']],
    successMessage: creating ? '下级党委已设立' : '设置已保存',
    form,
    onSuccess: onClose,
  });
  const parentLevel = creating ? COMMITTEE_LEVELS.indexOf(editing.parent.level as Values['level']) : -1;
  const initialValues =
    editing.mode === 'edit'
      ? { ...editing.committee, shortName: editing.committee.shortName ?? undefined }
      : { avoidanceYears: editing.parent.avoidanceYears, level: COMMITTEE_LEVELS[parentLevel + 1] };

  return (
    <FormModal
      form={form}
      loading={mutation.isPending}
      onClose={onClose}
      title={creating ? `在“${editing.parent.name}”下设立下级党委` : '党委设置'}
    >
      <Form<Values> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => mutation.mutate(v)}>
        <Form.Item
          name="name"
          label="党委名称"
          rules={[{ required: true, whitespace: true, message: '请填写党委名称' }]}
        >
          <Input maxLength={100} data-testid="committee-name" />
        </Form.Item>
        <Form.Item name="shortName" label="简称" extra="用于轮次名称，如“十五届区委第三轮巡察”中的“区委”">
          <Input maxLength={20} data-testid="committee-short-name" />
        </Form.Item>
        {creating && (
          <Form.Item name="level" label="层级" rules={[{ required: true, message: '请选择层级' }]}>
            <Select options={COMMITTEE_LEVELS.slice(parentLevel + 1).map((l) => ({ value: l, label: l }))} />
          </Form.Item>
        )}
        <Form.Item
          name="avoidanceYears"
          label="回避年限"
          extra="曾在被巡察单位工作未满该年限的干部应当回避"
          rules={[{ required: true, message: '请填写回避年限' }]}
        >
          <InputNumber min={0} max={30} precision={0} addonAfter="年" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
