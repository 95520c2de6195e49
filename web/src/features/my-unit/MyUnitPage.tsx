// 本单位整改 (unit liaison / head): the own unit's rectification cases, each finding with a progress bar
// (closed / total tasks) and its tasks with due dates and overdue / due-soon marks, linking to the tasks.
import { findingCompletion, type MyUnitFinding, taskStatusLabel } from '@xuncha/contracts';
import { Card, Empty, Flex, List, Progress, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { DueMark } from '../../shared/DueMark.tsx';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { type MyUnitView, useMyUnit } from '../rectification-dashboard/api.ts';

function FindingItem({ finding, dueSoonDays }: { finding: MyUnitFinding; dueSoonDays: number }) {
  const percent = finding.total === 0 ? 0 : Math.round((finding.closed / finding.total) * 100);
  return (
    <List.Item data-testid="my-unit-finding">
      <div style={{ width: '100%' }}>
        <Flex justify="space-between" align="center" gap={12} wrap>
          <Space>
            <Typography.Text strong>
              {finding.seq}. {finding.title}
            </Typography.Text>
            {finding.keyFocus && <Tag color="volcano">重点关注</Tag>}
            <Tag>{findingCompletion.labels[finding.completion]}</Tag>
          </Space>
          <Progress
            style={{ width: 220 }}
            percent={percent}
            size="small"
            format={() => `${finding.closed}/${finding.total} 已销号`}
            status={finding.tasks.some((t) => t.overdue) ? 'exception' : undefined}
          />
        </Flex>
        {finding.tasks.length === 0 ? (
          <Typography.Text type="warning">尚未分解整改任务</Typography.Text>
        ) : (
          <ul style={{ margin: '8px 0 0', paddingLeft: 20 }}>
            {finding.tasks.map((t) => (
              <li key={t.id}>
                <Space wrap>
                  <Link to={`/tasks/${t.id}`} data-testid="my-unit-task">
                    {t.title}
                  </Link>
                  <Typography.Text type="secondary">
                    {t.ownerName} · 完成时限 {t.dueDate} · {taskStatusLabel[t.status]}
                    {t.nextCheckpoint ? ` · 下次检查 ${t.nextCheckpoint}` : ''}
                  </Typography.Text>
                  <DueMark task={t} dueSoonDays={dueSoonDays} />
                </Space>
              </li>
            ))}
          </ul>
        )}
      </div>
    </List.Item>
  );
}

function CaseCard({ c, dueSoonDays }: { c: MyUnitView['cases'][number]; dueSoonDays: number }) {
  const rate = c.counts.rectificationRate;
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={`${c.unitName} · ${c.roundName}`}
      extra={
        <Space>
          <Typography.Text type="secondary">反馈日期 {c.feedbackDate}</Typography.Text>
          <Tag color={c.status === 'signed_off' ? 'green' : 'blue'}>
            {c.status === 'signed_off' ? '已见底清零' : '整改中'}
          </Tag>
        </Space>
      }
      data-testid="my-unit-case"
    >
      <Space size="large" wrap style={{ marginBottom: 8 }}>
        <span>整改完成率 {rate === null ? '—' : `${Math.round(rate * 100)}%`}</span>
        <span>
          已销号 {c.counts.closed}/{c.counts.tasks}
        </span>
        <Typography.Text type={c.counts.overdue > 0 ? 'danger' : undefined}>逾期 {c.counts.overdue}</Typography.Text>
        <span>曾被退回 {c.counts.returned}</span>
        <Link to={`/tasks?unitId=${c.unitId}&overdue=true`}>查看逾期任务</Link>
      </Space>
      <List dataSource={c.findings} renderItem={(f) => <FindingItem finding={f} dueSoonDays={dueSoonDays} />} />
    </Card>
  );
}

export function MyUnitPage() {
  const view = useMyUnit();
  return (
    <PageContainer title="本单位整改">
      <QueryBoundary query={view}>
        {(data) =>
          data.cases.length === 0 ? (
            <Empty description="本单位暂无整改任务" />
          ) : (
            data.cases.map((c) => <CaseCard key={c.rectificationId} c={c} dueSoonDays={data.dueSoonDays} />)
          )
        }
      </QueryBoundary>
    </PageContainer>
  );
}
