// The fields of `details` for one kind of record: what the form shows changes with the kind.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { documentCategory, type FieldworkKind, petitionChannel, satisfactionRate } from '@xuncha/contracts';
import { Button, Col, Flex, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { optionsOf } from '../../shared/options.ts';
import { formatRate } from './DetailsView.tsx';

const required = (message: string) => [{ required: true, whitespace: true, message }];
const name = (...path: (string | number)[]) => ['details', ...path];

function InterviewFields() {
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item name={name('interviewee')} label="谈话对象" rules={required('请填写谈话对象')}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={name('intervieweePost')} label="职务" rules={required('请填写谈话对象职务')}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={name('interviewers')} label="谈话人">
          <Input maxLength={200} placeholder="巡察组参加谈话人员" />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** A subject line and a head count: what a 座谈会 and a 民主测评 both start with. */
function SubjectAndCount({ field, label }: { field: string; label: string }) {
  return (
    <>
      <Col xs={24} md={16}>
        <Form.Item name={name(field)} label={label} rules={required(`请填写${label}`)}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name={name('participantCount')}
          label="参加人数"
          rules={[{ required: true, message: '请填写参加人数' }]}
        >
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </>
  );
}

function MeetingFields() {
  return (
    <Row gutter={16}>
      <SubjectAndCount field="topic" label="座谈主题" />
      <Col span={24}>
        <Form.Item name={name('participants')} label="参加人员">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Col>
    </Row>
  );
}

function DocumentFields() {
  return (
    <Form.List name={name('documents')}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={4}>
          <Typography.Text strong>调阅资料清单</Typography.Text>
          {fields.map((field) => (
            <Row gutter={8} key={field.key} align="top">
              <Col flex="auto">
                <Form.Item name={[field.name, 'name']} rules={required('请填写资料名称')}>
                  <Input placeholder="资料名称，如 2025年党组会议记录" maxLength={200} />
                </Form.Item>
              </Col>
              <Col flex="120px">
                <Form.Item name={[field.name, 'category']} rules={[{ required: true, message: '请选择类别' }]}>
                  <Select options={optionsOf(documentCategory.labels)} placeholder="类别" />
                </Form.Item>
              </Col>
              <Col flex="200px">
                <Form.Item name={[field.name, 'note']}>
                  <Input placeholder="备注" maxLength={500} />
                </Form.Item>
              </Col>
              <Col flex="32px">
                <Button icon={<DeleteOutlined />} type="text" aria-label="删除" onClick={() => remove(field.name)} />
              </Col>
            </Row>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ category: 'document' })} disabled={fields.length >= 500}>
            添加资料
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

function VisitFields() {
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name={name('target')} label="走访对象" rules={required('请填写走访对象')}>
          <Input maxLength={200} placeholder="单位、村居、群众或项目现场" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('people')} label="走访人员">
          <Input maxLength={500} />
        </Form.Item>
      </Col>
    </Row>
  );
}

type Votes = { good?: number; fair?: number; poor?: number };
const votes = (v: Votes | undefined) => ({ good: v?.good ?? 0, fair: v?.fair ?? 0, poor: v?.poor ?? 0 });

function SurveyFields() {
  const items = (Form.useWatch(name('items')) as Votes[] | undefined) ?? [];
  return (
    <>
      <Row gutter={16}>
        <SubjectAndCount field="subject" label="测评主题" />
      </Row>
      <Form.List name={name('items')}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={4}>
            <Typography.Text strong>
              测评结果（总体满意率 {formatRate(satisfactionRate(items.map(votes)))}）
            </Typography.Text>
            <Row gutter={8}>
              <Col flex="auto">测评项目</Col>
              {['好', '较好', '一般/差'].map((label) => (
                <Col flex="96px" key={label}>
                  {label}
                </Col>
              ))}
              <Col flex="104px">满意率</Col>
            </Row>
            {fields.map((field) => (
              <Row gutter={8} key={field.key} align="top">
                <Col flex="auto">
                  <Form.Item name={[field.name, 'item']} rules={required('请填写测评项目')}>
                    <Input placeholder="测评项目" maxLength={200} />
                  </Form.Item>
                </Col>
                {(['good', 'fair', 'poor'] as const).map((key) => (
                  <Col flex="96px" key={key}>
                    <Form.Item name={[field.name, key]} rules={[{ required: true, message: '请填写票数' }]}>
                      <InputNumber
                        min={0}
                        precision={0}
                        placeholder={{ good: '好', fair: '较好', poor: '一般/差' }[key]}
                      />
                    </Form.Item>
                  </Col>
                ))}
                <Col flex="72px" style={{ paddingTop: 5 }}>
                  {formatRate(satisfactionRate([votes(items[field.name])]))}
                </Col>
                <Col flex="32px">
                  <Button icon={<DeleteOutlined />} type="text" aria-label="删除" onClick={() => remove(field.name)} />
                </Col>
              </Row>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ good: 0, fair: 0, poor: 0 })}
              disabled={fields.length >= 50}
            >
              添加测评项目
            </Button>
          </Flex>
        )}
      </Form.List>
    </>
  );
}

function SelfCheckFields() {
  return (
    <Form.List name={name('problems')}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={4}>
          <Typography.Text strong>对照检查发现的问题</Typography.Text>
          {fields.map((field, i) => (
            <Row gutter={8} key={field.key} align="top">
              <Col flex="28px" style={{ paddingTop: 5 }}>
                {i + 1}.
              </Col>
              <Col flex="auto">
                <Form.Item name={[field.name, 'title']} rules={required('请填写问题')}>
                  <Input.TextArea autoSize placeholder="问题表现" maxLength={500} />
                </Form.Item>
              </Col>
              <Col flex="auto">
                <Form.Item name={[field.name, 'measures']}>
                  <Input.TextArea autoSize placeholder="整改措施" maxLength={2000} />
                </Form.Item>
              </Col>
              <Col flex="32px">
                <Button icon={<DeleteOutlined />} type="text" aria-label="删除" onClick={() => remove(field.name)} />
              </Col>
            </Row>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= 200}>
            添加问题
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

function PetitionFields() {
  const anonymous = Form.useWatch(name('anonymous')) as boolean | undefined;
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item name={name('channel')} label="方式" rules={[{ required: true, message: '请选择来信来访方式' }]}>
          <Select options={optionsOf(petitionChannel.labels)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={4}>
        <Form.Item name={name('anonymous')} label="匿名" valuePropName="checked">
          <Switch checkedChildren="匿名" unCheckedChildren="实名" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('reflectedUnit')} label="被反映单位">
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      {!anonymous && (
        <>
          <Col xs={24} md={12}>
            <Form.Item
              name={name('petitioner', 'name')}
              label="反映人姓名"
              rules={required('实名反映须填写反映人姓名')}
              extra="反映人身份加密保存，仅有权人员可见"
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={name('petitioner', 'contact')} label="联系方式">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </>
      )}
    </Row>
  );
}

const FIELDS: Record<FieldworkKind, () => React.JSX.Element> = {
  interview: InterviewFields,
  meeting: MeetingFields,
  document_review: DocumentFields,
  visit: VisitFields,
  survey: SurveyFields,
  self_check: SelfCheckFields,
  petition: PetitionFields,
};

export function KindFields({ kind }: { kind: FieldworkKind }) {
  const Fields = FIELDS[kind];
  return <Fields />;
}
