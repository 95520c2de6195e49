import { useQuery } from '@tanstack/react-query';
import { chineseNumber, decisionKind } from '@xuncha/contracts';
import { Alert, DatePicker, Form, Input, Select, Spin } from 'antd';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../app/api.ts';
import type { Finding, Inspection } from '../../app/types.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { formatDate } from '../../shared/format.ts';
import { todayInShanghai } from '../../shared/today.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { fetchAllFindings } from '../findings/api.ts';
import { issueFeedback, reportKey, useInspectionDecisions, useReport } from '../report/api.ts';

type Values = { issuedOn: Dayjs; content: string; decisionId?: string };

/** The draft 反馈意见: every finding as a numbered heading with its facts — 直指问题; the team edits from there. */
export function draftFeedback(unitName: string, findings: Finding[]): string {
  const ordered = [...findings].sort((a, b) => a.seq - b.seq);
  const sections = ordered.map((f, index) => `${chineseNumber(index + 1)}、${f.title}\n${f.facts}`);
  return [`经巡察，发现${unitName}党组织存在以下主要问题：`, ...sections].join('\n\n');
}

type Props = { inspection: Inspection; onClose: () => void };

/**
 * 下发反馈意见: needs the 巡察报告 approved. The text starts from the latest 反馈意见 draft version (or,
 * without one, from the finding list); an edited text is kept by the server as a new draft version.
 */
export function FeedbackModal({ inspection, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const report = useReport(inspection.id, 'report');
  const draft = useReport(inspection.id, 'feedback');
  const decisions = useInspectionDecisions(inspection.id);
  const findings = useQuery({
    queryKey: ['findings', 'all', inspection.id],
    queryFn: () => fetchAllFindings(inspection.id),
    staleTime: 0,
  });
  const mutation = useApiMutation({
    mutationFn: ({ issuedOn, content, decisionId }: Values) =>
      issueFeedback(inspection.id, { issuedOn: issuedOn.format('YYYY-MM-DD'), content, decisionId }),
    invalidate: [
      ['inspection', inspection.id],
      ['inspections'],
      ['findings'],
      ['finding'],
      ['tasks'],
      reportKey(inspection.id, 'feedback'),
    ],
    successMessage: '反馈意见已下发，整改期开始计算',
    form,
    onSuccess: onClose,
  });
  const loaded = findings.isSuccess && report.isSuccess && draft.isSuccess;
  const approved = report.data?.status === 'approved';
  const error = findings.error ?? report.error ?? draft.error;
  const feedbackDecisions = (decisions.data?.items ?? [])
    .filter((d) => d.kind === 'feedback')
    .map((d) => ({ value: d.id, label: `${formatDate(d.heldOn)} ${d.meetingTitle}：${decisionKind.labels[d.kind]}` }));

  return (
    <FormModal
      form={form}
      loading={mutation.isPending}
      onClose={onClose}
      width={760}
      title="下发反馈意见"
      okText="确认下发"
      okButtonProps={{ disabled: !loaded || !approved }}
    >
      {!loaded && !error && <Spin style={{ display: 'block', margin: '48px auto' }} />}
      {error && <Alert type="error" showIcon title={`加载失败：${errorMessage(error)}`} />}
      {loaded && (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{
            issuedOn: todayInShanghai(),
            content: draft.data?.content ?? draftFeedback(inspection.unitName, findings.data),
          }}
          onFinish={(values) => mutation.mutate(values)}
        >
          {!approved && (
            <Alert
              type="error"
              showIcon
              title="巡察报告尚未审定，不能下发反馈意见。请先在“巡察报告”中报送并经领导小组审定。"
              style={{ marginBottom: 16 }}
            />
          )}
          {findings.data.length === 0 && (
            <Alert type="warning" showIcon title="本次巡察尚未登记问题，请确认后再下发" style={{ marginBottom: 16 }} />
          )}
          <Form.Item name="issuedOn" label="反馈日期" rules={[{ required: true, message: '请选择反馈日期' }]}>
            <DatePicker style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="decisionId" label="依据的会议决定">
            <Select allowClear placeholder="不关联" options={feedbackDecisions} loading={decisions.isPending} />
          </Form.Item>
          <Form.Item
            name="content"
            label="反馈意见"
            rules={[{ required: true, whitespace: true, message: '请填写反馈意见' }]}
            extra={
              draft.data?.content
                ? `已载入反馈意见第 ${draft.data.currentVersion} 版，修改后下发将另存为新版本`
                : '已按问题清单生成草稿，可直接修改'
            }
          >
            <Input.TextArea rows={14} maxLength={100000} showCount data-testid="feedback-content" />
          </Form.Item>
        </Form>
      )}
    </FormModal>
  );
}
