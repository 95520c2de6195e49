// The recipient's and the sender's steps as dialogs: 接收 (承办人), 退回 / 要求补充 (理由), 报告进展 (阶段 + 说明),
// 反馈结果 (处置结果, 被处理人 with 形态, 办理情况). The server checks everything again; its Chinese
// field messages land next to the fields.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type Disposition,
  disposition,
  FINAL_DISPOSITIONS,
  form as formKind,
  INTERIM_DISPOSITIONS,
} from '@xuncha/contracts';
import { Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '../../shared/FormModal.tsx';
import { optionsOf } from '../../shared/options.ts';
import { todayInShanghai } from '../../shared/today.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { HANDOVER_KEYS, type Handover, type HandoverStep, takeStep } from './api.ts';

export type StepKind = 'accept' | 'decline' | 'progress' | 'conclude' | 'request-more';

const TITLES: Record<StepKind, string> = {
  accept: '接收移交',
  decline: '退回移交',
  progress: '报告办理进展',
  conclude: '反馈处置结果',
  'request-more': '要求补充处置结果',
};

const dispositionOptions = (codes: readonly Disposition[]) =>
  codes.map((value) => ({ value, label: disposition.labels[value] }));
const INTERIM = disposition.codes.filter((c) => INTERIM_DISPOSITIONS.has(c));

type Person = { name?: string; post?: string; form?: '1' | '2' | '3' | '4'; measure?: string; decidedOn?: Dayjs };
type Values = {
  handlerName?: string;
  reason?: string;
  note?: string;
  disposition?: Disposition;
  summary?: string;
  measures?: string;
  concludedOn?: Dayjs;
  persons?: Person[];
};

const day = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD');

function bodyOf(kind: StepKind, v: Values): HandoverStep {
  switch (kind) {
    case 'accept':
      return { step: 'accept', body: { handlerName: v.handlerName || undefined } };
    case 'decline':
    case 'request-more':
      return { step: kind, body: { reason: v.reason ?? '' } };
    case 'progress':
      return { step: 'progress', body: { note: v.note ?? '', disposition: v.disposition } };
    case 'conclude':
      return {
        step: 'conclude',
        body: {
          disposition: v.disposition,
          summary: v.summary ?? '',
          measures: v.measures || undefined,
          concludedOn: day(v.concludedOn) ?? '',
          persons: (v.persons ?? []).map((p) => ({
            name: p.name ?? '',
            post: p.post ?? '',
            form: p.form,
            measure: p.measure || undefined,
            decidedOn: day(p.decidedOn),
          })),
        },
      };
  }
}

function PersonsField() {
  return (
    <Form.List name="persons">
      {(fields, { add, remove }) => (
        <Form.Item label="被处理人（按四种形态处置的必填）">
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="baseline" wrap>
              <Form.Item name={[field.name, 'name']} rules={[{ required: true, message: '请填写姓名' }]}>
                <Input placeholder="姓名" style={{ width: 100 }} data-testid="handover-person-name" />
              </Form.Item>
              <Form.Item name={[field.name, 'post']} rules={[{ required: true, message: '请填写职务' }]}>
                <Input placeholder="职务" style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name={[field.name, 'form']}>
                <Select placeholder="形态" style={{ width: 130 }} options={optionsOf(formKind.labels)} allowClear />
              </Form.Item>
              <Form.Item name={[field.name, 'measure']}>
                <Input placeholder="处理措施，如党内警告" style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name={[field.name, 'decidedOn']}>
                <DatePicker placeholder="处理日期" />
              </Form.Item>
              <MinusCircleOutlined onClick={() => remove(field.name)} aria-label="移除" />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="handover-person-add">
            添加被处理人
          </Button>
        </Form.Item>
      )}
    </Form.List>
  );
}

function ConcludeFields({ isClue }: { isClue: boolean }) {
  return (
    <>
      {isClue && (
        <Form.Item name="disposition" label="处置结果" rules={[{ required: true, message: '请选择处置结果' }]}>
          <Select options={dispositionOptions(FINAL_DISPOSITIONS)} data-testid="handover-disposition" />
        </Form.Item>
      )}
      <Form.Item
        name="summary"
        label={isClue ? '处置情况' : '办理结果'}
        rules={[{ required: true, whitespace: true, message: '请填写办理结果' }]}
      >
        <Input.TextArea rows={4} maxLength={5000} showCount data-testid="handover-summary" />
      </Form.Item>
      <Form.Item name="measures" label="处理或整改措施">
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      <Form.Item name="concludedOn" label="办结日期" rules={[{ required: true, message: '请选择办结日期' }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(todayInShanghai(), 'day')} />
      </Form.Item>
      <PersonsField />
    </>
  );
}

function StepFields({ kind, isClue }: { kind: StepKind; isClue: boolean }) {
  if (kind === 'accept')
    return (
      <Form.Item name="handlerName" label="承办人">
        <Input maxLength={50} data-testid="handover-handler" />
      </Form.Item>
    );
  if (kind === 'decline' || kind === 'request-more')
    return (
      <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, message: '请填写理由' }]}>
        <Input.TextArea rows={4} maxLength={1000} showCount data-testid="handover-reason" />
      </Form.Item>
    );
  if (kind === 'progress')
    return (
      <>
        {isClue && (
          <Form.Item name="disposition" label="办理阶段">
            <Select allowClear options={dispositionOptions(INTERIM)} />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label="办理进展"
          rules={[{ required: true, whitespace: true, message: '请填写办理进展' }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="handover-note" />
        </Form.Item>
      </>
    );
  return <ConcludeFields isClue={isClue} />;
}

type Props = { kind: StepKind; handover: Handover; onClose: () => void };

export function HandoverStepModal({ kind, handover, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const mutation = useApiMutation({
    mutationFn: (values: Values) => takeStep(handover.id, bodyOf(kind, values)),
    invalidate: HANDOVER_KEYS,
    successMessage: `${TITLES[kind]}成功`,
    form,
    onSuccess: onClose,
  });
  const isClue = handover.kind === 'clue';
  // a clue's result is usually a 形态 with the person handled: start with one row to fill in
  const initial: Values = kind === 'conclude' ? { concludedOn: todayInShanghai(), persons: isClue ? [{}] : [] } : {};
  return (
    <FormModal
      form={form}
      loading={mutation.isPending}
      onClose={onClose}
      title={`${TITLES[kind]}：${handover.code}`}
      okText="提交"
      okButtonProps={{ danger: kind === 'decline', ...({ 'data-testid': 'handover-step-ok' } as object) }}
      width={kind === 'conclude' ? 860 : 520}
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => mutation.mutate(v)}>
        <StepFields kind={kind} isClue={isClue} />
      </Form>
    </FormModal>
  );
}
