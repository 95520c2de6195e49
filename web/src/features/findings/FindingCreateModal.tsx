import { area, aspect, discipline, focus, majorProblem, powerType } from '@xuncha/contracts';
import { Col, Form, Input, Row, Select, Switch } from 'antd';
import type { FindingCreateBody } from '../../app/types.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { optionsOf } from '../../shared/options.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { createFinding } from './api.ts';

type Props = { inspectionId: string; onClose: () => void };

// Only 四个方面 is mandatory; the other dimensions apply to some problems and not others.
type OptionalSelect = {
  name: 'discipline' | 'majorProblem' | 'focus' | 'powerType';
  label: string;
  options: { value: string; label: string }[];
};
const optionalSelects: OptionalSelect[] = [
  { name: 'discipline', label: '六项纪律', options: optionsOf(discipline.labels) },
  { name: 'majorProblem', label: '三大问题', options: optionsOf(majorProblem.labels) },
  { name: 'focus', label: '三个重点', options: optionsOf(focus.labels) },
  { name: 'powerType', label: '权力类型', options: optionsOf(powerType.labels) },
];

export function FindingCreateModal({ inspectionId, onClose }: Props) {
  const [form] = Form.useForm<FindingCreateBody>();
  const mutation = useApiMutation({
    mutationFn: (body: FindingCreateBody) => createFinding(inspectionId, body),
    invalidate: [['findings'], ['inspection', inspectionId]],
    successMessage: '问题已登记',
    form,
    onSuccess: onClose,
  });

  return (
    <FormModal form={form} loading={mutation.isPending} onClose={onClose} width={760} title="登记问题">
      <Form<FindingCreateBody>
        form={form}
        layout="vertical"
        initialValues={{ isCommon: false, eightRules: false, areas: [] }}
        onFinish={(values) => mutation.mutate(values)}
      >
        <Form.Item
          name="title"
          label="问题标题"
          rules={[{ required: true, whitespace: true, message: '请填写问题标题' }]}
        >
          <Input maxLength={200} placeholder="概括问题，直指要害" />
        </Form.Item>
        <Form.Item
          name="facts"
          label="问题事实"
          rules={[{ required: true, whitespace: true, message: '请填写问题事实' }]}
        >
          <Input.TextArea rows={5} maxLength={10000} showCount placeholder="具体事实、时间、金额、涉及人员等" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="aspect" label="四个方面" rules={[{ required: true, message: '请选择所属方面' }]}>
              <Select options={optionsOf(aspect.labels)} placeholder="请选择" />
            </Form.Item>
          </Col>
          {optionalSelects.map((field) => (
            <Col span={12} key={field.name}>
              <Form.Item name={field.name} label={field.label}>
                <Select options={field.options} allowClear placeholder="可不选" />
              </Form.Item>
            </Col>
          ))}
          <Col span={12}>
            <Form.Item name="areas" label="领域">
              <Select mode="multiple" options={optionsOf(area.labels)} placeholder="可多选" maxCount={10} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="isCommon" label="共性问题" valuePropName="checked" extra="多个单位普遍存在的问题">
              <Switch checkedChildren="共性" unCheckedChildren="个性" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="eightRules" label='八项规定/"四风"' valuePropName="checked" extra="此类问题应立行立改">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormModal>
  );
}
