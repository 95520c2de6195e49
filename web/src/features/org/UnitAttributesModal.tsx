import { type UnitDetail, unitKind, villageClass } from '@xuncha/contracts';
import { DatePicker, Form, Input, InputNumber, Rate, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../shared/FormModal.tsx';
import { optionsOf } from '../../shared/options.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { updateUnit } from './api.ts';

type Values = Pick<
  UnitDetail,
  | 'kind'
  | 'code'
  | 'headName'
  | 'secretaryName'
  | 'socialAttention'
  | 'fundVolume'
  | 'projectCount'
  | 'hasApprovalPower'
  | 'hasEnforcementPower'
  | 'villageClass'
  | 'sortOrder'
> & { lastInspectedOn: Dayjs | null; reason?: string };

/** Planning attributes: 社会关注度, 廉政风险 factors, manual last inspection, village class. */
export function UnitAttributesModal({ unit, onClose }: { unit: UnitDetail; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? unit.kind;
  const mutation = useApiMutation({
    mutationFn: ({ lastInspectedOn, socialAttention, ...values }: Values) =>
      updateUnit(unit.id, {
        ...values,
        // Rate gives 0 when cleared
        socialAttention: socialAttention || null,
        villageClass: values.kind === 'village' ? values.villageClass : null,
        lastInspectedOn: lastInspectedOn ? lastInspectedOn.format('YYYY-MM-DD') : null,
      }),
    invalidate: [['units']],
    successMessage: '单位属性已保存',
    form,
    onSuccess: onClose,
  });

  const initialValues: Values = {
    ...unit,
    lastInspectedOn: unit.manualLastInspectedOn ? dayjs(unit.manualLastInspectedOn) : null,
  };

  return (
    <FormModal form={form} loading={mutation.isPending} onClose={onClose} title={`编辑属性：${unit.name}`} width={640}>
      <Form<Values> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => mutation.mutate(v)}>
        <Form.Item name="kind" label="单位类别">
          <Select options={optionsOf(unitKind.labels)} />
        </Form.Item>
        <Form.Item name="code" label="单位代码" extra="导入导出时用于识别单位，本党委内唯一">
          <Input maxLength={30} data-testid="unit-attr-code" />
        </Form.Item>
        <Form.Item name="headName" label="主要负责人">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="secretaryName" label="书记">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="socialAttention" label="社会关注度">
          <Rate count={5} data-testid="unit-attr-attention" />
        </Form.Item>
        <Form.Item name="fundVolume" label="资金量（万元）">
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="projectCount" label="工程项目数">
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="hasApprovalPower" label="有行政审批权" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="hasEnforcementPower" label="有行政执法权" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          name="lastInspectedOn"
          label="系统外最近一次巡察日期"
          extra="本系统上线前的巡察，系统内的巡察自动计入"
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {kind === 'village' && (
          <Form.Item name="villageClass" label="村居分类">
            <Select allowClear options={optionsOf(villageClass.labels)} data-testid="unit-attr-village-class" />
          </Form.Item>
        )}
        <Form.Item name="reason" label="修改原因">
          <Input maxLength={200} placeholder="如：年度单位信息核对" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
