import { area, aspect, discipline, focus, majorProblem, powerType } from '@xuncha/contracts';
import { Checkbox, Col, Form, Row, Select } from 'antd';
import { optionsOf } from '../../shared/options.ts';

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

/** The taxonomy of DOMAIN.md §5, one group per dimension; shared by the create and edit forms. */
export function ClassificationFields() {
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Form.Item name="aspect" label="四个方面" rules={[{ required: true, message: '请选择所属方面' }]}>
          <Select options={optionsOf(aspect.labels)} placeholder="请选择" data-testid="finding-aspect" />
        </Form.Item>
      </Col>
      {optionalSelects.map((field) => (
        <Col span={12} key={field.name}>
          {/* a cleared select sends null: "not classified in this dimension" */}
          <Form.Item name={field.name} label={field.label} normalize={(value) => value ?? null}>
            <Select options={field.options} allowClear placeholder="可不选" />
          </Form.Item>
        </Col>
      ))}
      <Col span={12}>
        <Form.Item name="areas" label="领域">
          <Select mode="multiple" options={optionsOf(area.labels)} placeholder="可多选" maxCount={10} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label="问题性质" style={{ marginBottom: 8 }}>
          <Flags />
        </Form.Item>
      </Col>
    </Row>
  );
}

function Flags() {
  return (
    <Row gutter={24}>
      <Col>
        <Form.Item name="isCommon" valuePropName="checked" noStyle>
          <Checkbox>共性问题（多个单位普遍存在）</Checkbox>
        </Form.Item>
      </Col>
      <Col>
        <Form.Item name="eightRules" valuePropName="checked" noStyle>
          <Checkbox data-testid="finding-eight-rules">违反中央八项规定精神和“四风”问题（立行立改）</Checkbox>
        </Form.Item>
      </Col>
    </Row>
  );
}
