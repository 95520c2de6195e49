import { useQuery } from '@tanstack/react-query';
import { chineseNumber } from '@xuncha/contracts';
import { Alert, DatePicker, Form, Input, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { errorMessage } from '../../app/api.ts';
import type { Finding, Inspection } from '../../app/types.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { fetchAllFindings } from '../findings/api.ts';
import { issueFeedback } from './api.ts';

type Values = { issuedOn: Dayjs; content: string };

/** The draft 反馈意见: every finding as a numbered heading with its facts — 直指问题; the team edits from there. */
export function draftFeedback(unitName: string, findings: Finding[]): string {
  const ordered = [...findings].sort((a, b) => a.seq - b.seq);
  const sections = ordered.map((f, index) => `${chineseNumber(index + 1)}、${f.title}\n${f.facts}`);
  return [`经巡察，发现${unitName}党组织存在以下主要问题：`, ...sections].join('\n\n');
}

type Props = { inspection: Inspection; onClose: () => void };

export function FeedbackModal({ inspection, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const findings = useQuery({
    queryKey: ['findings', 'all', inspection.id],
    queryFn: () => fetchAllFindings(inspection.id),
    staleTime: 0,
  });
  const mutation = useApiMutation({
    mutationFn: ({ issuedOn, content }: Values) =>
      issueFeedback(inspection.id, { issuedOn: issuedOn.format('YYYY-MM-DD'), content }),
    invalidate: [['inspection', inspection.id], ['inspections'], ['findings'], ['finding'], ['tasks']],
    successMessage: '反馈意见已下发，整改期开始计算',
    form,
    onSuccess: onClose,
  });

  return (
    <FormModal
      form={form}
      loading={mutation.isPending}
      onClose={onClose}
      width={760}
      title="下发反馈意见"
      okText="确认下发"
      okButtonProps={{ disabled: !findings.isSuccess }}
    >
      {findings.isPending && <Spin style={{ display: 'block', margin: '48px auto' }} />}
      {findings.isError && <Alert type="error" showIcon title={`问题清单加载失败：${errorMessage(findings.error)}`} />}
      {findings.isSuccess && (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ issuedOn: dayjs(), content: draftFeedback(inspection.unitName, findings.data) }}
          onFinish={(values) => mutation.mutate(values)}
        >
          {findings.data.length === 0 && (
            <Alert type="warning" showIcon title="本次巡察尚未登记问题，请确认后再下发" style={{ marginBottom: 16 }} />
          )}
          <Form.Item name="issuedOn" label="反馈日期" rules={[{ required: true, message: '请选择反馈日期' }]}>
            <DatePicker style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            name="content"
            label="反馈意见"
            rules={[{ required: true, whitespace: true, message: '请填写反馈意见' }]}
            extra="已按问题清单生成草稿，可直接修改"
          >
            <Input.TextArea rows={14} maxLength={20000} showCount data-testid="feedback-content" />
          </Form.Item>
        </Form>
      )}
    </FormModal>
  );
}
