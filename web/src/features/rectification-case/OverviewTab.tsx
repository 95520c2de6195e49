import { CheckCircleOutlined } from '@ant-design/icons';
import type { RectificationDetail } from '@xuncha/contracts';
import { Alert, Button, Card, Descriptions, Form, Input, List, Modal, Progress, Result, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { caseKeys, signOff } from './api.ts';
import { EvaluationTag, PlanStatusTag } from './CaseTags.tsx';

function Due({ date, late, done }: { date: string; late: boolean; done?: boolean }) {
  return (
    <Space>
      {formatDate(date)}
      {done && <Tag color="green">已报送</Tag>}
      {late && <Tag color="red">已逾期</Tag>}
    </Space>
  );
}

function SignOffModal({ c, onClose }: { c: RectificationDetail; onClose: () => void }) {
  const [form] = Form.useForm<{ comment: string }>();
  const mutation = useApiMutation({
    mutationFn: ({ comment }: { comment: string }) => signOff(c.id, comment),
    invalidate: caseKeys(c.id),
    successMessage: '已见底清零',
    form,
    onSuccess: onClose,
  });
  return (
    <Modal
      open
      title={`确认对${c.unitName}整改见底清零？`}
      okText="确认见底清零"
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      onCancel={onClose}
      okButtonProps={{ ...({ 'data-testid': 'sign-off-confirm' } as Record<string, string>) }}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="见底清零后不能再报送报告或评估，请确认所有任务已销号、移交事项均有结果。"
      />
      <Form form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)}>
        <Form.Item
          name="comment"
          label="见底清零意见"
          rules={[{ required: true, whitespace: true, message: '请填写见底清零意见' }]}
        >
          <Input.TextArea rows={4} maxLength={2000} data-testid="sign-off-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Blockers({ c }: { c: RectificationDetail }) {
  if (c.status === 'signed_off')
    return (
      <Result
        icon={<CheckCircleOutlined />}
        status="success"
        title="已见底清零"
        subTitle={`${c.signedOffByName ?? ''} 于 ${formatDateTime(c.signedOffAt)} 确认：${c.signOffComment ?? ''}`}
      />
    );
  if (c.blockers.length === 0) return <Alert type="success" showIcon title="各项条件均已具备，可以见底清零。" />;
  return (
    <List
      data-testid="sign-off-blockers"
      dataSource={c.blockers}
      renderItem={(b) => (
        <List.Item>
          <List.Item.Meta
            title={<span style={{ color: '#cf1322' }}>{b.message}</span>}
            description={
              b.items.length > 0 && (
                <Space wrap>
                  {b.items.map((item) =>
                    item.link ? (
                      <Link key={item.title} to={item.link}>
                        {item.title}
                      </Link>
                    ) : (
                      <span key={item.title}>{item.title}</span>
                    ),
                  )}
                  {b.count > b.items.length && <span>等 {b.count} 项</span>}
                </Space>
              )
            }
          />
        </List.Item>
      )}
    />
  );
}

export function OverviewTab({ c }: { c: RectificationDetail }) {
  const [signing, setSigning] = useState(false);
  const percent = c.tasksTotal ? Math.round((c.tasksClosed / c.tasksTotal) * 100) : 0;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'feedback', label: '反馈日期', children: formatDate(c.feedbackDate) },
          { key: 'team', label: '巡察组', children: c.teamName ?? '—' },
          {
            key: 'plan',
            label: '整改方案',
            children: (
              <Space>
                <PlanStatusTag status={c.planStatus} />
                报送期限 <Due date={c.planDue} late={c.planOverdue} />
              </Space>
            ),
          },
          {
            key: 'report',
            label: '整改报告期限（集中整改期）',
            children: <Due date={c.reportDue} late={c.reportOverdue} done={c.reportSubmitted} />,
          },
          {
            key: 'tasks',
            label: '任务销号',
            span: 2,
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Progress percent={percent} />
                <span>
                  问题 {c.findings} 个，任务 {c.tasksTotal} 项，已销号 {c.tasksClosed} 项，逾期 {c.tasksOverdue}{' '}
                  项，退回待整改 {c.tasksReturned} 项 ·{' '}
                  <Link to={`/tasks?inspectionId=${c.inspectionId}`}>查看整改台账</Link>
                </span>
              </Space>
            ),
          },
          {
            key: 'evaluation',
            label: '最近评估',
            span: 2,
            children: (
              <Space>
                <EvaluationTag result={c.latestEvaluation?.result} />
                {c.latestEvaluation?.remedialDue && `补课期限 ${formatDate(c.latestEvaluation.remedialDue)}`}
              </Space>
            ),
          },
        ]}
      />
      <Card
        title="见底清零"
        extra={
          c.abilities.signOff && (
            <Button
              type="primary"
              disabled={c.blockers.length > 0}
              onClick={() => setSigning(true)}
              data-testid="sign-off"
            >
              见底清零
            </Button>
          )
        }
      >
        <Blockers c={c} />
      </Card>
      {signing && <SignOffModal c={c} onClose={() => setSigning(false)} />}
    </Space>
  );
}
