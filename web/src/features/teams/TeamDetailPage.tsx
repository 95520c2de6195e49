import { PlusOutlined } from '@ant-design/icons';
import { type TeamDetail, type TeamMember, teamPostLabel } from '@xuncha/contracts';
import { Button, Card, Descriptions, Popconfirm, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../shared/format.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { TargetsTable } from '../planning/TargetsTable.tsx';
import { leaveTeam, useTeam } from './api.ts';
import { MemberAddModal } from './MemberAddModal.tsx';

function memberColumns(team: TeamDetail, leave: (id: string) => void): TableColumnsType<TeamMember> {
  return [
    { title: '姓名', dataIndex: 'cadreName' },
    { title: '所在单位', dataIndex: 'homeUnitName' },
    {
      title: '职务',
      key: 'post',
      render: (_: unknown, m) => (
        <Space size={4}>
          {teamPostLabel[m.post]}
          {m.isBranchSecretary && <Tag color="red">临时党支部书记</Tag>}
        </Space>
      ),
    },
    {
      title: '“八个严禁”承诺',
      dataIndex: 'pledgedAt',
      render: (t: string | null) => (t ? formatDateTime(t) : <Tag>未承诺</Tag>),
    },
    { title: '回避例外', dataIndex: 'overrideReason', render: (r: string | null) => r ?? '—' },
    { title: '离组', dataIndex: 'leftAt', render: (t: string | null) => (t ? formatDateTime(t) : '在组') },
    {
      title: '操作',
      key: 'actions',
      render: (_: unknown, m) =>
        team.abilities.manage &&
        !m.leftAt && (
          <Popconfirm title={`确认${m.cadreName}离组？其巡察权限随即收回`} onConfirm={() => leave(m.id)}>
            <Button size="small" data-testid="member-leave">
              离组
            </Button>
          </Popconfirm>
        ),
    },
  ];
}

function TeamView({ team }: { team: TeamDetail }) {
  const [adding, setAdding] = useState(false);
  const leave = useApiMutation({ mutationFn: leaveTeam, invalidate: [['team', team.id]], successMessage: '已离组' });
  const addButton = team.abilities.manage && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="team-member-add">
      添加组员
    </Button>
  );
  return (
    <PageContainer title={team.name} extra={addButton}>
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Descriptions
          items={[
            { key: 'round', label: '巡察轮次', children: <Link to={`/rounds/${team.roundId}`}>{team.roundName}</Link> },
            { key: 'leader', label: '组长', children: team.leaderName ?? '未配备' },
            { key: 'count', label: '在组人数', children: team.memberCount },
          ]}
        />
      </Card>
      <Card variant="borderless" title="组员" style={{ marginBottom: 16 }}>
        <Table<TeamMember>
          rowKey="id"
          pagination={false}
          columns={memberColumns(team, leave.mutate)}
          dataSource={team.members}
          data-testid="team-members"
        />
      </Card>
      <Card variant="borderless" title={`巡察对象（${team.targetCount}）`}>
        <TargetsTable targets={team.targets} />
      </Card>
      {adding && (
        <MemberAddModal teamId={team.id} canOverride={team.abilities.override} onClose={() => setAdding(false)} />
      )}
    </PageContainer>
  );
}

export function TeamDetailPage() {
  const { id } = useParams();
  const team = useTeam(id);
  return <QueryBoundary query={team}>{(t) => <TeamView team={t} />}</QueryBoundary>;
}
