// 移交: choose what (a clue the user may read, or a finding), to whom (纪委监委 / 组织部 by kind, or a competent
// department), and see the default due date from the committee's time limits before sending.

import { useQuery } from '@tanstack/react-query';
import { addTimeLimit, type HandoverKind, handoverKind, type TimeLimit, timeLimitUnit } from '@xuncha/contracts';
import { Alert, DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../app/api.ts';
import { useCan } from '../../app/auth.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { optionsOf } from '../../shared/options.ts';
import { todayInShanghai } from '../../shared/today.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { UnitSelect } from '../org/UnitSelect.tsx';
import { createHandover, HANDOVER_KEYS, useHandoverSources } from './api.ts';

type Values = {
  kind: HandoverKind;
  clueId?: string;
  findingId?: string;
  recipientUnitId?: string;
  recipientName?: string;
  dueDate?: Dayjs;
  letterNo?: string;
  note?: string;
  decisionId?: string;
};

type Props = { inspection: { id: string; committeeId: string }; onClose: () => void };

/** The due date the server will use when none is chosen: today + the committee's limit for the kind. */
function useDefaultDue(committeeId: string, kind: HandoverKind) {
  const can = useCan();
  const limits = useQuery({
    queryKey: ['time-limits', committeeId],
    queryFn: () => api.get<{ items: TimeLimit[] }>(`/api/committees/${committeeId}/time-limits`),
    enabled: can('committee.read'),
  });
  const code = kind === 'clue' ? 'handover_clue' : 'handover_other';
  const limit = limits.data?.items.find((l) => l.code === code);
  if (!limit) return null;
  return {
    date: addTimeLimit(todayInShanghai().format('YYYY-MM-DD'), limit),
    text: `${limit.amount}${timeLimitUnit.labels[limit.unit]}`,
  };
}

export function HandoverCreateModal({ inspection, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'clue';
  const sources = useHandoverSources(inspection.id, kind);
  const due = useDefaultDue(inspection.committeeId, kind);
  const mutation = useApiMutation({
    mutationFn: (v: Values) =>
      createHandover(inspection.id, {
        kind: v.kind,
        clueId: v.kind === 'clue' ? v.clueId : undefined,
        findingId: v.findingId,
        recipientUnitId: v.kind === 'other' ? v.recipientUnitId : undefined,
        recipientName: v.recipientName || undefined,
        dueDate: v.dueDate?.format('YYYY-MM-DD'),
        letterNo: v.letterNo || undefined,
        note: v.note || undefined,
        decisionId: v.decisionId,
      }),
    invalidate: HANDOVER_KEYS,
    successMessage: '已移交',
    form,
    onSuccess: onClose,
  });
  const clueOptions = (sources.clues.data?.items ?? [])
    .filter((c) => c.status === 'registered' || c.status === 'preliminary')
    .map((c) => ({ value: c.id, label: `${c.code} ${c.subjectName}（${c.subjectPost}）` }));
  const findingOptions = (sources.findings.data?.items ?? [])
    .filter((f) => kind !== 'cadre' || f.areas.includes('cadre_selection'))
    .map((f) => ({ value: f.id, label: f.title }));
  const decisionOptions = (sources.decisions.data?.items ?? [])
    .filter((d) => d.kind === 'handover')
    .map((d) => ({ value: d.id, label: `${d.meetingTitle}：${d.content}` }));
  return (
    <FormModal
      form={form}
      loading={mutation.isPending}
      onClose={onClose}
      title="移交问题线索或问题"
      okText="移交"
      width={720}
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ kind: 'clue' }} onFinish={(v) => mutation.mutate(v)}>
        <Form.Item name="kind" label="移交类别">
          <Radio.Group options={optionsOf(handoverKind.labels)} optionType="button" data-testid="handover-kind" />
        </Form.Item>
        {kind === 'clue' && (
          <Form.Item name="clueId" label="问题线索" rules={[{ required: true, message: '请选择要移交的问题线索' }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={clueOptions}
              loading={sources.clues.isFetching}
              notFoundContent="没有可移交的线索（仅显示您有权查看、尚未移交的线索）"
              data-testid="handover-clue"
            />
          </Form.Item>
        )}
        <Form.Item
          name="findingId"
          label={kind === 'clue' ? '相关问题（选填）' : '问题'}
          extra={
            kind === 'clue' ? '线索所反映的问题；填写后，成果运用台账中该问题一行显示线索的移交和处置结果' : undefined
          }
          rules={[{ required: kind !== 'clue', message: '请选择要移交的问题' }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            allowClear={kind === 'clue'}
            options={findingOptions}
            loading={sources.findings.isFetching}
            notFoundContent={kind === 'cadre' ? '没有领域为“选人用人”的问题' : '没有问题'}
            data-testid="handover-finding"
          />
        </Form.Item>
        {kind === 'other' && (
          <Form.Item
            name="recipientUnitId"
            label="接收的主管部门"
            rules={[{ required: true, message: '请选择接收的主管部门' }]}
          >
            <UnitSelect committeeId={inspection.committeeId} testId="handover-recipient-unit" />
          </Form.Item>
        )}
        <Form.Item
          name="recipientName"
          label="接收单位名称"
          extra={
            kind === 'other' ? '不填则为所选部门名称' : `不填则为本级${kind === 'clue' ? '纪委监委' : '党委组织部'}`
          }
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="dueDate"
          label="反馈期限"
          extra={due ? `不填则默认为 ${due.date}（移交后 ${due.text}）` : '不填则按本党委时限设置计算'}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => !d.isAfter(todayInShanghai(), 'day')} />
        </Form.Item>
        <Form.Item name="decisionId" label="会议决定（经…研究同意）">
          <Select allowClear options={decisionOptions} notFoundContent="没有同意移交的会议决定" />
        </Form.Item>
        <Form.Item name="letterNo" label="移交函文号">
          <Input maxLength={50} placeholder="不填则使用移交编号" />
        </Form.Item>
        <Form.Item name="note" label="移交说明">
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        {kind === 'clue' && (
          <Alert
            type="warning"
            showIcon
            title="问题线索移交后，仅接收的纪委监委承办人员和知悉范围内人员可以查看线索内容"
          />
        )}
      </Form>
    </FormModal>
  );
}
