import { unitKind } from '@xuncha/contracts';
import { Form, Input, Select } from 'antd';
import { useCurrentUser } from '../../app/auth.ts';
import type { UnitCreateBody } from '../../app/types.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { optionsOf } from '../../shared/options.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { createUnit } from './api.ts';
import { CommitteeSelect } from './CommitteeSelect.tsx';
import { UnitSelect } from './UnitSelect.tsx';

export function UnitCreateModal({ onClose }: { onClose: () => void }) {
  const me = useCurrentUser();
  const [form] = Form.useForm<UnitCreateBody>();
  const committeeId = Form.useWatch('committeeId', form);
  const mutation = useApiMutation({
    mutationFn: createUnit,
    invalidate: [['units']],
    successMessage: '单位已创建',
    form,
    onSuccess: onClose,
  });

  return (
    <FormModal form={form} loading={mutation.isPending} onClose={onClose} title="新建单位" destroyOnHidden>
      <Form<UnitCreateBody>
        form={form}
        layout="vertical"
        initialValues={{ committeeId: me.committeeId ?? undefined }}
        onFinish={(values) => mutation.mutate(values)}
      >
        <Form.Item name="committeeId" label="所属巡察机构" rules={[{ required: true, message: '请选择巡察机构' }]}>
          <CommitteeSelect onChange={() => form.setFieldValue('parentId', undefined)} />
        </Form.Item>
        <Form.Item name="parentId" label="上级单位" extra="不选则为顶层单位">
          <UnitSelect committeeId={committeeId} placeholder="输入上级单位名称搜索" />
        </Form.Item>
        <Form.Item
          name="name"
          label="单位名称"
          rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label="单位类别" rules={[{ required: true, message: '请选择单位类别' }]}>
          <Select options={optionsOf(unitKind.labels)} placeholder="请选择" />
        </Form.Item>
        <Form.Item name="headName" label="主要负责人">
          <Input maxLength={50} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
