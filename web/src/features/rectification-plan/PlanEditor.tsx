import { SaveOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input } from 'antd';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { PLANS_KEY, planKey, savePlan } from './api.ts';

type Values = { content: string; note?: string };

/** The plan text; each save is a new version that also records the three lists as they stand. */
export function PlanEditor({ inspectionId, content }: { inspectionId: string; content: string | null }) {
  const [form] = Form.useForm<Values>();
  const save = useApiMutation({
    mutationFn: ({ content: text, note }: Values) => savePlan(inspectionId, { content: text, note: note || undefined }),
    invalidate: [planKey(inspectionId), PLANS_KEY],
    successMessage: '已保存为新版本（含当前三张清单）',
    form,
    onSuccess: () => form.setFieldValue('note', undefined),
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ content: content ?? '' }}
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item
        name="content"
        rules={[{ required: true, whitespace: true, message: '请填写方案内容' }]}
        extra="总体要求、组织领导、整改措施、工作步骤等；以“一、”“（一）”开头的行为标题。问题、任务和责任在“三张清单”中逐项填写"
      >
        <Input.TextArea
          autoSize={{ minRows: 12, maxRows: 40 }}
          maxLength={100000}
          showCount
          data-testid="plan-content"
        />
      </Form.Item>
      <Flex gap={8} align="start" wrap>
        <Form.Item name="note" style={{ flex: 1, minWidth: 240, marginBottom: 0 }}>
          <Input placeholder="版本说明（选填），如：按巡察办审核意见修改" maxLength={200} data-testid="plan-note" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<SaveOutlined />}
          loading={save.isPending}
          data-testid="plan-save"
        >
          保存为新版本
        </Button>
      </Flex>
    </Form>
  );
}
