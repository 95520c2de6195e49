import { PlusOutlined } from '@ant-design/icons';
import {
  type CommitteeMember,
  defaultRoleOfPost,
  type MemberBody,
  memberBody,
  memberPost,
  roleLabel,
} from '@xuncha/contracts';
import { Button, Empty, Flex, Switch, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useCan, useCurrentUser } from '../../app/auth.ts';
import { formatDate } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { useMembers } from './api.ts';
import { CommitteeSelect } from './CommitteeSelect.tsx';
import { MemberCreateModal } from './MemberCreateModal.tsx';
import { MemberEndModal } from './MemberEndModal.tsx';

/** What the post means for the member's account: the role it granted, or why it granted none. */
function RoleCell({ member }: { member: CommitteeMember }) {
  const role = defaultRoleOfPost[member.post];
  if (!role) return <Typography.Text type="secondary">不授予角色</Typography.Text>;
  if (member.grantedRole) return <Tag color="blue">{roleLabel[role]}（随职务授予）</Tag>;
  if (!member.userId) return <Typography.Text type="secondary">{roleLabel[role]}（未关联账号）</Typography.Text>;
  return <Tag>{roleLabel[role]}（原已持有）</Tag>;
}

/** 巡察工作领导小组 and 巡察办: members by post, with the default role each post grants. */
export function LeadingGroupPage() {
  const me = useCurrentUser();
  const can = useCan();
  const search = useSearchState();
  const committeeId = search.get('committeeId') ?? me.committeeId ?? undefined;
  const body = (search.get('body') ?? 'leading_group') as MemberBody;
  const includeEnded = search.get('includeEnded') === 'true';
  const members = useMembers(committeeId, { body, includeEnded, page: search.page, pageSize: search.pageSize });
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<CommitteeMember>();

  const columns: TableColumnsType<CommitteeMember> = [
    {
      title: '职务',
      dataIndex: 'post',
      width: 110,
      render: (post: CommitteeMember['post']) => memberPost.labels[post],
    },
    { title: '姓名', dataIndex: 'name', width: 100 },
    { title: '现任职务', dataIndex: 'title', render: (title: string | null) => title ?? '—' },
    { title: '系统账号', dataIndex: 'username', width: 110, render: (u: string | null) => u ?? '—' },
    { title: '默认角色', width: 220, render: (_, member) => <RoleCell member={member} /> },
    { title: '任职日期', dataIndex: 'startedOn', width: 110, render: formatDate },
    {
      title: '离任',
      dataIndex: 'endedOn',
      width: 160,
      render: (endedOn: string | null, m) => (endedOn ? `${formatDate(endedOn)} ${m.endReason ?? ''}` : '—'),
    },
    {
      title: '操作',
      width: 90,
      render: (_, member) =>
        member.abilities.end && (
          <Button size="small" danger onClick={() => setEnding(member)} data-testid="member-end">
            离任
          </Button>
        ),
    },
  ];

  const addButton = can('leading_group.manage') && committeeId && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="member-add">
      添加成员
    </Button>
  );

  return (
    <PageContainer title="领导小组和巡察办" extra={addButton}>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 8 }}>
        <CommitteeSelect
          style={{ width: 240 }}
          value={committeeId}
          onChange={(id) => search.setFilters({ committeeId: id })}
        />
        <Switch
          checked={includeEnded}
          onChange={(checked) => search.setFilters({ includeEnded: checked ? 'true' : undefined })}
          data-testid="member-include-ended"
        />
        <Typography.Text>含已离任</Typography.Text>
      </Flex>
      <Tabs
        activeKey={body}
        onChange={(key) => search.setFilters({ body: key })}
        items={Object.entries(memberBody.labels).map(([key, label]) => ({ key, label }))}
      />
      <ListError error={members.error} />
      <Table<CommitteeMember>
        rowKey="id"
        columns={columns}
        dataSource={members.data?.items}
        loading={members.isFetching}
        locale={{ emptyText: <Empty description="暂无成员" /> }}
        pagination={serverPagination(search.page, search.pageSize, members.data?.total, search.setPage)}
        data-testid="member-table"
      />
      {adding && committeeId && (
        <MemberCreateModal committeeId={committeeId} body={body} onClose={() => setAdding(false)} />
      )}
      {ending && <MemberEndModal member={ending} onClose={() => setEnding(undefined)} />}
    </PageContainer>
  );
}
