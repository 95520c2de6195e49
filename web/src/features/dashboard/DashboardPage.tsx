import {
  AuditOutlined,
  BookOutlined,
  CheckSquareOutlined,
  ClockCircleOutlined,
  ExceptionOutlined,
  FileDoneOutlined,
} from '@ant-design/icons';
import type { Permission } from '@xuncha/contracts';
import { Col, Empty, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ComponentProps } from 'react';
import { useCurrentUser } from '../../app/auth.ts';
import { todayInShanghai } from '../../shared/today.ts';
import { PledgePrompt } from '../teams/PledgePrompt.tsx';
import { StatCard } from './StatCard.tsx';

type CardSpec = ComponentProps<typeof StatCard> & { anyOf: Permission[] };

const CARDS: CardSpec[] = [
  {
    title: '整改任务总数',
    icon: <BookOutlined />,
    color: '#1656c4',
    path: '/api/tasks',
    params: {},
    to: '/tasks',
    anyOf: ['task.read'],
  },
  {
    title: '逾期任务',
    icon: <ClockCircleOutlined />,
    color: '#cf1322',
    path: '/api/tasks',
    params: { overdue: true },
    to: '/tasks?overdue=true',
    anyOf: ['task.read'],
  },
  {
    title: '待对账销号',
    icon: <FileDoneOutlined />,
    color: '#d48806',
    path: '/api/tasks',
    params: { status: 'submitted' },
    to: '/tasks?status=submitted',
    anyOf: ['task.verify'],
  },
  {
    title: '我的任务',
    icon: <CheckSquareOutlined />,
    color: '#389e0d',
    path: '/api/tasks',
    params: { mine: true },
    to: '/my-tasks',
    anyOf: ['task.submit', 'task.start'],
  },
  {
    title: '巡察项目',
    icon: <AuditOutlined />,
    color: '#531dab',
    path: '/api/inspections',
    params: {},
    to: '/inspections',
    anyOf: ['inspection.read'],
  },
  {
    title: '巡察发现问题',
    icon: <ExceptionOutlined />,
    color: '#08979c',
    path: '/api/findings',
    params: {},
    to: '/findings',
    anyOf: ['finding.read'],
  },
];

function greeting(): string {
  const hour = dayjs().hour();
  if (hour < 6) return '凌晨好';
  if (hour < 12) return '上午好';
  if (hour < 14) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

export function DashboardPage() {
  const me = useCurrentUser();
  const cards = CARDS.filter((card) => card.anyOf.some((p) => me.permissions.includes(p)));
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {greeting()}，{me.displayName}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        今天是 {todayInShanghai().format('YYYY年M月D日 dddd')}
      </Typography.Paragraph>
      <PledgePrompt />
      {cards.length === 0 ? (
        <Empty description="暂无可查看的工作事项" />
      ) : (
        <Row gutter={[16, 16]}>
          {cards.map((card) => (
            <Col key={card.title} xs={24} sm={12} lg={8}>
              <StatCard {...card} />
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}
