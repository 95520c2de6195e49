import {
  type EvaluationInput,
  type EvaluationResult,
  evaluationResult,
  type RectificationDetail,
  type RectificationEvaluation,
} from '@xuncha/contracts';
import { App, Button, Card, DatePicker, Form, Input, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { downloadFile } from '../../shared/download.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { optionsOf } from '../../shared/options.ts';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { caseKeys, evaluate, useEvaluations } from './api.ts';
import { EvaluationTag } from './CaseTags.tsx';

type Values = { result: EvaluationResult; comment: string; remedialDue?: Dayjs };

function EvaluationForm({ c }: { c: RectificationDetail }) {
  const [form] = Form.useForm<Values>();
  const result = Form.useWatch('result', form);
  const mutation = useApiMutation({
    mutationFn: (v: Values) => {
      const body: EvaluationInput = { result: v.result, comment: v.comment };
      if (v.result === 'fail' && v.remedialDue) body.remedialDue = v.remedialDue.format('YYYY-MM-DD');
      return evaluate(c.id, body);
    },
    invalidate: [...caseKeys(c.id), ['rectification', c.id, 'evaluations']],
    successMessage: '评估结果已保存',
    form,
    onSuccess: () => form.resetFields(),
  });
  return (
    <Card title="整改评估" size="small">
      {!c.reportSubmitted && <p>单位报送整改情况报告后才能评估。</p>}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)} disabled={!c.reportSubmitted}>
        <Space wrap align="start">
          <Form.Item name="result" label="评估结论" rules={[{ required: true, message: '请选择评估结论' }]}>
            <Select
              style={{ width: 160 }}
              options={optionsOf(evaluationResult.labels)}
              data-testid="evaluation-result"
            />
          </Form.Item>
          {result === 'fail' && (
            <Form.Item name="remedialDue" label="补课期限" rules={[{ required: true, message: '请确定补课期限' }]}>
              <DatePicker data-testid="evaluation-remedial-due" />
            </Form.Item>
          )}
        </Space>
        <Form.Item
          name="comment"
          label="评估意见"
          rules={[{ required: true, whitespace: true, message: '请填写评估意见' }]}
        >
          <Input.TextArea rows={4} maxLength={5000} data-testid="evaluation-comment" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="evaluation-submit">
          保存评估
        </Button>
      </Form>
    </Card>
  );
}

export function EvaluationTab({ c }: { c: RectificationDetail }) {
  const { message } = App.useApp();
  const query = useEvaluations(c.id);
  const document = (e: RectificationEvaluation) =>
    downloadFile(`/api/evaluations/${e.id}/document`, undefined, '整改评估报告.docx', () => {}).catch((err: Error) =>
      message.error(err.message),
    );
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <QueryBoundary query={query}>
        {(list) => (
          <Table<RectificationEvaluation>
            rowKey="id"
            size="small"
            pagination={{ pageSize: 10 }}
            dataSource={list.items}
            data-testid="evaluation-table"
            columns={[
              { title: '评估时间', dataIndex: 'evaluatedAt', render: formatDateTime },
              { title: '结论', dataIndex: 'result', render: (r: EvaluationResult) => <EvaluationTag result={r} /> },
              { title: '补课期限', dataIndex: 'remedialDue', render: formatDate },
              { title: '评估意见', dataIndex: 'comment', ellipsis: true },
              { title: '评估人', dataIndex: 'evaluatedByName' },
              {
                title: '',
                key: 'doc',
                render: (_, e) => (
                  <Button type="link" size="small" onClick={() => document(e)}>
                    整改评估报告
                  </Button>
                ),
              },
            ]}
          />
        )}
      </QueryBoundary>
      {c.abilities.evaluate && <EvaluationForm c={c} />}
    </Space>
  );
}
