import type { UnitDetail } from '@xuncha/contracts';
import { Alert, Form, Input } from 'antd';
import { FormModal } from '../../shared/FormModal.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { changeUnit, type UnitChangeAction } from './api.ts';
import { UnitSelect } from './UnitSelect.tsx';

type Values = { name?: string; parentId?: string; targetId?: string; reason: string };

const titles: Record<UnitChangeAction, string> = {
  rename: '单位更名',
  move: '调整隶属关系',
  merge: '合并单位',
  deactivate: '撤销单位',
  reactivate: '恢复单位',
};

const notes: Partial<Record<UnitChangeAction, string>> = {
  move: '本单位及其全部下级单位一并调整。',
  merge: '合并后本单位撤销，其下级单位全部划入目标单位；此操作不可撤回。',
  deactivate: '有正常下级单位或尚未归档的巡察时不能撤销。',
};

/** Rename, move, merge, deactivate or reactivate, always with a reason for the history. */
export function UnitChangeModal({
  unit,
  action,
  onClose,
}: {
  unit: UnitDetail;
  action: UnitChangeAction;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const mutation = useApiMutation({
    mutationFn: (values: Values) =>
      changeUnit(unit.id, action, action === 'move' ? { ...values, parentId: values.parentId ?? null } : values),
    invalidate: [['units']],
    successMessage: `${titles[action]}已完成`,
    form,
    onSuccess: onClose,
  });

  return (
    <FormModal form={form} loading={mutation.isPending} onClose={onClose} title={`${titles[action]}：${unit.name}`}>
      <Form<Values> form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)}>
        {notes[action] && <Alert type="info" showIcon title={notes[action]} style={{ marginBottom: 16 }} />}
        {action === 'rename' && (
          <Form.Item name="name" label="新名称" rules={[{ required: true, whitespace: true, message: '请填写新名称' }]}>
            <Input maxLength={100} data-testid="unit-change-name" />
          </Form.Item>
        )}
        {action === 'move' && (
          <Form.Item name="parentId" label="新的上级单位" extra="不选则调整为顶层单位">
            <UnitSelect committeeId={unit.committeeId} testId="unit-change-parent" />
          </Form.Item>
        )}
        {action === 'merge' && (
          <Form.Item name="targetId" label="并入单位" rules={[{ required: true, message: '请选择并入的单位' }]}>
            <UnitSelect committeeId={unit.committeeId} testId="unit-change-target" />
          </Form.Item>
        )}
        <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, message: '请填写原因' }]}>
          <Input.TextArea
            rows={3}
            maxLength={200}
            showCount
            data-testid="unit-change-reason"
            placeholder="如：机构改革"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
