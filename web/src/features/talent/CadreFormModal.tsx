import { type Cadre, cadreSkillLabel, genderLabel } from '@xuncha/contracts';
import { Form, Input, InputNumber, Select } from 'antd';
import { FormModal } from '../../shared/FormModal.tsx';
import { optionsOf } from '../../shared/options.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { createCadre, TALENT_KEYS, updateCadre } from './api.ts';
import { UnitSelect } from './UnitSelect.tsx';

type Props = { cadre?: Cadre; onClose: () => void; onSaved?: (cadre: Cadre) => void };

/** 新增/编辑干部: the home unit is picked from the tree when it is in it, typed otherwise (市审计局 …). */
export function CadreFormModal({ cadre, onClose, onSaved }: Props) {
  const [form] = Form.useForm();
  const save = useApiMutation({
    mutationFn: (values: Record<string, unknown>) => (cadre ? updateCadre(cadre.id, values) : createCadre(values)),
    invalidate: TALENT_KEYS,
    successMessage: cadre ? '已保存' : '已加入人才库',
    form,
    onSuccess: (saved) => {
      onSaved?.(saved);
      onClose();
    },
  });
  const initial = cadre && {
    ...cadre,
    homeUnitId: cadre.homeUnitId ?? undefined,
    homeUnitName: cadre.homeUnitId ? undefined : cadre.homeUnitName,
  };
  const submit = (values: Record<string, unknown>) =>
    save.mutate(
      Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== '')),
    );
  return (
    <FormModal
      form={form}
      loading={save.isPending}
      onClose={onClose}
      title={cadre ? '编辑干部信息' : '新增干部'}
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid="cadre-form">
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input maxLength={30} data-testid="cadre-name" />
        </Form.Item>
        <Form.Item name="gender" label="性别">
          <Select allowClear options={optionsOf(genderLabel)} />
        </Form.Item>
        <Form.Item name="birthYear" label="出生年份">
          <InputNumber min={1940} max={2010} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="homeUnitId"
          label="所在单位（本级单位）"
          extra="不在本级单位树中的（如市审计局），请在下方填写单位名称"
        >
          <UnitSelect initialName={cadre?.homeUnitName} testId="cadre-home-unit" />
        </Form.Item>
        <Form.Item name="homeUnitName" label="所在单位名称（树外单位）">
          <Input maxLength={100} data-testid="cadre-home-unit-name" />
        </Form.Item>
        <Form.Item name="post" label="职务" rules={[{ required: true, message: '请填写职务' }]}>
          <Input maxLength={50} data-testid="cadre-post" />
        </Form.Item>
        <Form.Item name="rank" label="职级">
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="phone" label="联系电话">
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="skills" label="专长">
          <Select mode="multiple" options={optionsOf(cadreSkillLabel)} data-testid="cadre-skills" />
        </Form.Item>
        <Form.Item name="notes" label="备注">
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
