// 登记 / 修改 a 了解情况 record. The details part of the form follows the chosen kind; a record's kind is
// fixed once registered. The inspected unit sees only the self-check form.
import { type FieldworkKind, fieldworkKind, SENSITIVE_BY_DEFAULT } from '@xuncha/contracts';
import { Alert, Col, DatePicker, Form, Input, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../shared/FormModal.tsx';
import { todayInShanghai } from '../../shared/today.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import {
  createFieldwork,
  type FieldworkCreateBody,
  type FieldworkDetail,
  type FieldworkUpdateBody,
  updateFieldwork,
} from './api.ts';
import { KindFields } from './KindFields.tsx';

type Values = {
  kind: FieldworkKind;
  title: string;
  occurredOn: Dayjs;
  startTime?: string;
  place?: string;
  summary: string;
  sensitive: boolean;
  details: Record<string, unknown>;
};

const EMPTY_DETAILS: Partial<Record<FieldworkKind, Record<string, unknown>>> = {
  document_review: { documents: [{ category: 'document' }] },
  survey: { items: [{ good: 0, fair: 0, poor: 0 }] },
  self_check: { problems: [{}] },
  petition: { channel: 'letter', anonymous: false },
};

type Props = {
  inspectionId: string;
  /** kinds the user may register (from the counts endpoint) */
  kinds: FieldworkKind[];
  /** set when editing */
  record?: FieldworkDetail;
  onClose: () => void;
};

function initialValues(kind: FieldworkKind, record: FieldworkDetail | undefined): Partial<Values> {
  if (!record) {
    return {
      kind,
      occurredOn: todayInShanghai(),
      sensitive: SENSITIVE_BY_DEFAULT.has(kind),
      details: EMPTY_DETAILS[kind] ?? {},
    };
  }
  return {
    kind: record.kind,
    title: record.title,
    occurredOn: dayjs(record.occurredOn),
    startTime: record.startTime ?? undefined,
    place: record.place ?? undefined,
    summary: record.summary,
    sensitive: record.sensitive,
    details: record.petitioner ? { ...record.details, petitioner: record.petitioner } : record.details,
  };
}

/** Form values → request body: dates as strings, a petitioner only when named, blanks cleared. */
function toBody(values: Values, editing: boolean) {
  const details = { ...values.details };
  if (values.kind === 'petition' && details.anonymous) delete details.petitioner;
  const blank = editing ? null : undefined;
  return {
    ...values,
    occurredOn: values.occurredOn.format('YYYY-MM-DD'),
    startTime: values.startTime?.trim() || blank,
    place: values.place?.trim() || blank,
    details,
  };
}

export function FieldworkFormModal({ inspectionId, kinds, record, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const kind = (Form.useWatch('kind', form) as FieldworkKind | undefined) ?? record?.kind ?? kinds[0] ?? 'interview';
  const unitOnly = kinds.length === 1 && kinds[0] === 'self_check';
  const mutation = useApiMutation({
    mutationFn: (values: Values) =>
      record
        ? updateFieldwork(record.id, toBody(values, true) as FieldworkUpdateBody)
        : createFieldwork(inspectionId, toBody(values, false) as FieldworkCreateBody),
    invalidate: [['fieldwork', inspectionId], ['fieldwork-detail']],
    successMessage: record ? '记录已修改' : unitOnly ? '自查情况已报送' : '记录已登记',
    form,
    onSuccess: onClose,
  });
  const title = record ? '修改记录' : unitOnly ? '报送问题对照自查' : '登记了解情况';

  return (
    <FormModal form={form} loading={mutation.isPending} onClose={onClose} width={860} title={title}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues(kind, record)}
        onFinish={(values) => mutation.mutate(values)}
        onValuesChange={(changed: Partial<Values>) => {
          // a new kind brings its own details and its default sensitivity
          if (changed.kind) {
            form.setFieldsValue({
              details: EMPTY_DETAILS[changed.kind] ?? {},
              sensitive: SENSITIVE_BY_DEFAULT.has(changed.kind),
            });
          }
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={8} hidden={unitOnly}>
            <Form.Item name="kind" label="了解方式" rules={[{ required: true, message: '请选择了解方式' }]}>
              <Select
                disabled={Boolean(record)}
                options={kinds.map((k) => ({ value: k, label: fieldworkKind.labels[k] }))}
                data-testid="fieldwork-kind"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={unitOnly ? 24 : 16}>
            <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
              <Input maxLength={200} placeholder="如：与财务科科长个别谈话" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="occurredOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(todayInShanghai(), 'day')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item
              name="startTime"
              label="时间"
              rules={[{ pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: '格式为 HH:MM' }]}
            >
              <Input placeholder="09:30" maxLength={5} />
            </Form.Item>
          </Col>
          <Col xs={24} md={unitOnly ? 12 : 8}>
            <Form.Item name="place" label="地点">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={4} hidden={unitOnly}>
            <Form.Item name="sensitive" label="敏感" valuePropName="checked">
              <Switch checkedChildren="敏感" unCheckedChildren="一般" />
            </Form.Item>
          </Col>
        </Row>
        <KindFields kind={kind} />
        <Form.Item
          name="summary"
          label={unitOnly ? '自查情况' : '情况摘要'}
          rules={[{ required: true, whitespace: true, message: '请填写情况摘要' }]}
          style={{ marginTop: 16 }}
        >
          <Input.TextArea rows={6} maxLength={20000} showCount />
        </Form.Item>
        {!unitOnly && (
          <Alert
            type="info"
            showIcon
            title="标记为敏感的记录，摘要加密保存，仅巡察组和巡察办主任可查看，每次查看均留痕。"
          />
        )}
      </Form>
    </FormModal>
  );
}
