import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { decisionKind, meetingKind } from '@xuncha/contracts';
import { Button, Card, DatePicker, Flex, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '../../shared/FormModal.tsx';
import { optionsOf } from '../../shared/options.ts';
import { todayInShanghai } from '../../shared/today.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { createMeeting, type MeetingCreateBody } from './api.ts';
import { InspectionPicker } from './InspectionPicker.tsx';

type Values = Omit<MeetingCreateBody, 'heldOn'> & { heldOn: Dayjs };

/** Decision kinds that are about one inspection (the server says the same in contracts/meeting.ts). */
const NEEDS_INSPECTION = new Set(['approve_report', 'return_report', 'handover', 'feedback']);

/** 登记会议: who attended, what was decided; a decision on a report takes effect when saved. */
export function MeetingCreateModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const [form] = Form.useForm<Values>();
  const mutation = useApiMutation({
    mutationFn: ({ heldOn, ...rest }: Values) => createMeeting({ ...rest, heldOn: heldOn.format('YYYY-MM-DD') }),
    invalidate: [['meetings'], ['report'], ['decisions']],
    successMessage: '会议记录已登记',
    form,
    onSuccess: (m) => onCreated(m.id),
  });
  return (
    <FormModal form={form} loading={mutation.isPending} onClose={onClose} width={860} title="登记会议">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          kind: 'leading_group',
          heldOn: todayInShanghai(),
          attendees: [],
          absentees: [],
          decisions: [{ kind: 'approve_report' }],
        }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Flex gap={12} wrap>
          <Form.Item
            name="kind"
            label="会议类型"
            rules={[{ required: true, message: '请选择会议类型' }]}
            style={{ width: 220 }}
          >
            <Select options={optionsOf(meetingKind.labels)} />
          </Form.Item>
          <Form.Item name="heldOn" label="会议日期" rules={[{ required: true, message: '请选择会议日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(todayInShanghai(), 'day')} />
          </Form.Item>
          <Form.Item name="place" label="地点" style={{ flex: 1, minWidth: 200 }}>
            <Input maxLength={200} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="title"
          label="会议名称"
          rules={[{ required: true, whitespace: true, message: '请填写会议名称' }]}
        >
          <Input
            maxLength={200}
            placeholder="如：区委巡察工作领导小组 2026 年第 5 次会议"
            data-testid="meeting-title"
          />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name="host"
            label="主持人"
            rules={[{ required: true, whitespace: true, message: '请填写主持人' }]}
            style={{ width: 200 }}
          >
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="recorder" label="记录人" style={{ width: 200 }}>
            <Input maxLength={50} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="attendees"
          label="出席人员"
          rules={[{ required: true, type: 'array', min: 1, message: '请填写出席人员' }]}
          extra="输入姓名后回车"
        >
          <Select mode="tags" open={false} tokenSeparators={['、', '，', ',', ' ']} data-testid="meeting-attendees" />
        </Form.Item>
        <Form.Item name="absentees" label="缺席人员">
          <Select mode="tags" open={false} tokenSeparators={['、', '，', ',', ' ']} />
        </Form.Item>
        <Form.Item name="summary" label="会议纪要">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20000} />
        </Form.Item>
        <Form.List name="decisions">
          {(fields, { add, remove }) => (
            <Card
              size="small"
              title="会议决定"
              extra={
                <Button size="small" icon={<PlusOutlined />} onClick={() => add({ kind: 'other' })}>
                  添加决定
                </Button>
              }
            >
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start" wrap>
                  <Form.Item
                    name={[field.name, 'kind']}
                    rules={[{ required: true, message: '请选择决定类型' }]}
                    style={{ width: 160 }}
                  >
                    <Select options={optionsOf(decisionKind.labels)} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'inspectionId']}
                    dependencies={[['decisions', field.name, 'kind']]}
                    rules={[
                      ({ getFieldValue }) => ({
                        validator: (_, value) =>
                          value || !NEEDS_INSPECTION.has(getFieldValue(['decisions', field.name, 'kind']))
                            ? Promise.resolve()
                            : Promise.reject(new Error('该类决定须选择所涉巡察')),
                      }),
                    ]}
                  >
                    <InspectionPicker />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'content']}
                    rules={[{ required: true, whitespace: true, message: '请填写决定内容' }]}
                    style={{ flex: 1, minWidth: 220 }}
                  >
                    <Input.TextArea
                      autoSize
                      maxLength={2000}
                      placeholder="决定内容"
                      data-testid={`decision-content-${index}`}
                    />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    disabled={fields.length === 1}
                    onClick={() => remove(field.name)}
                    title="删除此项"
                  />
                </Flex>
              ))}
            </Card>
          )}
        </Form.List>
      </Form>
    </FormModal>
  );
}
