import { FileSyncOutlined, SaveOutlined } from '@ant-design/icons';
import type { ReportKind } from '@xuncha/contracts';
import { App, Button, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { assembleText, reportKey, saveVersion } from './api.ts';

type Values = { content: string; note?: string };
type Props = { inspectionId: string; kind: ReportKind; content: string | null };

const ASSEMBLE_HINT: Record<ReportKind, string> = {
  report: '按问题清单、了解情况记录和经验做法生成报告初稿（问题线索只计数量）',
  feedback: '按问题清单生成反馈意见初稿，含整改要求和时限',
};

/** The text being drafted: generate from the records, edit, and save each change as a new version. */
export function ReportEditor({ inspectionId, kind, content }: Props) {
  const [form] = Form.useForm<Values>();
  const { message, modal } = App.useApp();
  const [assembling, setAssembling] = useState(false);
  const save = useApiMutation({
    mutationFn: ({ content: text, note }: Values) =>
      saveVersion(inspectionId, kind, { content: text, note: note || undefined }),
    invalidate: [reportKey(inspectionId, kind)],
    successMessage: (v) => (v.note ? `已保存为新版本：${v.note}` : '已保存为新版本'),
    form,
    onSuccess: () => form.setFieldValue('note', undefined),
  });

  const fill = async () => {
    setAssembling(true);
    try {
      form.setFieldValue('content', (await assembleText(inspectionId, kind)).content);
      message.success('已生成初稿，请修改后保存');
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setAssembling(false);
    }
  };
  const assemble = () => {
    if (!form.getFieldValue('content')?.trim()) return void fill();
    modal.confirm({
      title: '用生成的初稿替换当前内容？',
      content: '当前未保存的修改将丢失；已保存的版本不受影响。',
      okText: '替换',
      cancelText: '取消',
      onOk: fill,
    });
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ content: content ?? '' }}
      onFinish={(v) => save.mutate(v)}
    >
      <Flex justify="flex-end" style={{ marginBottom: 8 }}>
        <Button
          icon={<FileSyncOutlined />}
          loading={assembling}
          onClick={assemble}
          title={ASSEMBLE_HINT[kind]}
          data-testid="report-assemble"
        >
          从问题清单生成
        </Button>
      </Flex>
      <Form.Item
        name="content"
        rules={[{ required: true, whitespace: true, message: '请填写报告内容' }]}
        extra="每行一段；以“一、”“（一）”开头的行在公文中作为一级、二级标题"
      >
        <Input.TextArea
          autoSize={{ minRows: 14, maxRows: 40 }}
          maxLength={100000}
          showCount
          data-testid="report-content"
        />
      </Form.Item>
      <Flex gap={8} align="start" wrap>
        <Form.Item name="note" style={{ flex: 1, minWidth: 240, marginBottom: 0 }}>
          <Input placeholder="版本说明（选填），如：按领导小组意见修改" maxLength={200} data-testid="report-note" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<SaveOutlined />}
          loading={save.isPending}
          data-testid="report-save"
        >
          保存为新版本
        </Button>
      </Flex>
    </Form>
  );
}
