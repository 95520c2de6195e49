// What became of clusters: 举一反三 notices (draft → published to the units) and 专项巡察 proposals (proposed →
// adopted / declined by the office director; an adopted one leads to the rounds page to set up the round).
import { noticeStatus, proposalStatus } from '@xuncha/contracts';
import { Button, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../app/auth.ts';
import { formatDateTime } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import {
  type NoticeRow,
  type ProposalRow,
  useDecideProposal,
  useNotices,
  useProposals,
  usePublishNotice,
} from './api.ts';

const STATUS_COLOR: Record<string, string> = {
  draft: 'default',
  published: 'green',
  proposed: 'blue',
  adopted: 'green',
  declined: 'default',
};

const Text = ({ text }: { text: string }) => (
  <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0, whiteSpace: 'pre-line' }}>
    {text}
  </Typography.Paragraph>
);

export function NoticeList({ committeeId }: { committeeId: string | undefined }) {
  const can = useCan();
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const notices = useNotices({ committeeId, ...page });
  const publish = usePublishNotice();
  return (
    <>
      <ListError error={notices.error} />
      <Table<NoticeRow>
        rowKey="id"
        size="small"
        loading={notices.isFetching}
        dataSource={notices.data?.items}
        pagination={serverPagination(page.page, page.pageSize, notices.data?.total, (p, s) =>
          setPage({ page: p, pageSize: s }),
        )}
        data-testid="cp-notices"
        columns={[
          { title: '通知', dataIndex: 'title', width: 260 },
          { title: '正文', dataIndex: 'body', render: (body: string) => <Text text={body} /> },
          {
            title: '通知单位',
            dataIndex: 'targetUnitCount',
            width: 120,
            render: (n: number, r) => `${n} 个${r.notifiedCount !== null ? `（已通知 ${r.notifiedCount} 人）` : ''}`,
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 90,
            render: (s: NoticeRow['status']) => <Tag color={STATUS_COLOR[s]}>{noticeStatus.labels[s]}</Tag>,
          },
          { title: '拟稿', width: 150, render: (_, r) => `${r.createdByName} ${formatDateTime(r.createdAt)}` },
          {
            title: '操作',
            width: 90,
            render: (_, r) =>
              r.status === 'draft' && can('common_problem.manage') ? (
                <Popconfirm
                  title="发布后将通知各单位主要负责人和整改联络员，确定发布？"
                  onConfirm={() => publish.mutate(r.id)}
                >
                  <Button size="small" type="primary" data-testid="cp-notice-publish">
                    发布
                  </Button>
                </Popconfirm>
              ) : (
                formatDateTime(r.publishedAt)
              ),
          },
        ]}
      />
    </>
  );
}

function Decide({ proposal }: { proposal: ProposalRow }) {
  const [note, setNote] = useState('');
  const decide = useDecideProposal();
  const send = (decision: 'adopt' | 'decline') =>
    decide.mutate({ id: proposal.id, decision, note: note.trim() || undefined });
  return (
    <Space orientation="vertical" size={4}>
      <Input size="small" placeholder="决定说明（可选）" value={note} onChange={(e) => setNote(e.target.value)} />
      <Space>
        <Button
          size="small"
          type="primary"
          loading={decide.isPending}
          onClick={() => send('adopt')}
          data-testid="cp-adopt"
        >
          采纳
        </Button>
        <Button size="small" loading={decide.isPending} onClick={() => send('decline')} data-testid="cp-decline">
          不采纳
        </Button>
      </Space>
    </Space>
  );
}

export function ProposalList({ committeeId }: { committeeId: string | undefined }) {
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const proposals = useProposals({ committeeId, ...page });
  return (
    <>
      <ListError error={proposals.error} />
      <Table<ProposalRow>
        rowKey="id"
        size="small"
        loading={proposals.isFetching}
        dataSource={proposals.data?.items}
        pagination={serverPagination(page.page, page.pageSize, proposals.data?.total, (p, s) =>
          setPage({ page: p, pageSize: s }),
        )}
        data-testid="cp-proposals"
        columns={[
          { title: '建议', dataIndex: 'title', width: 240 },
          { title: '理由', dataIndex: 'reason', render: (reason: string) => <Text text={reason} /> },
          {
            title: '建议巡察单位',
            dataIndex: 'unitNames',
            width: 200,
            render: (names: string[], r) => (
              <Text text={`${names.join('、')}${r.unitCount > names.length ? ' 等' : ''}`} />
            ),
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 90,
            render: (s: ProposalRow['status']) => <Tag color={STATUS_COLOR[s]}>{proposalStatus.labels[s]}</Tag>,
          },
          {
            title: '决定',
            width: 200,
            render: (_, r) => {
              if (r.canDecide) return <Decide proposal={r} />;
              if (r.status === 'proposed') return <Typography.Text type="secondary">待巡察办主任决定</Typography.Text>;
              return (
                <>
                  {r.decidedByName} {formatDateTime(r.decidedAt)}
                  {r.decisionNote && <div>{r.decisionNote}</div>}
                  {r.status === 'adopted' && (
                    <Link to="/rounds" data-testid="cp-to-rounds">
                      安排专项巡察轮次
                    </Link>
                  )}
                </>
              );
            },
          },
        ]}
      />
    </>
  );
}
