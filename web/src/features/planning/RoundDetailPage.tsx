import { AppstoreAddOutlined, EditOutlined, PlusOutlined, RiseOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { RoundDetail } from '@xuncha/contracts';
import { Button, Card, Descriptions, Form, Input, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../app/api.ts';
import { useCan } from '../../app/auth.ts';
import { DocxButton } from '../../shared/DocxButton.tsx';
import { FormModal } from '../../shared/FormModal.tsx';
import { formatDate } from '../../shared/format.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { RiskProposalModal } from '../risk/RiskProposalModal.tsx';
import { createTeam } from '../teams/api.ts';
import { BatchTargetsModal } from './BatchTargetsModal.tsx';
import { RoundEditModal } from './RoundEditModal.tsx';
import { TargetsTable } from './TargetsTable.tsx';

function TeamCreateModal({ roundId, onClose }: { roundId: string; onClose: () => void }) {
  const [form] = Form.useForm<{ name: string }>();
  const mutation = useApiMutation({
    mutationFn: ({ name }: { name: string }) => createTeam(roundId, name),
    invalidate: [['round', roundId], ['teams']],
    successMessage: '巡察组已组建',
    form,
    onSuccess: onClose,
  });
  return (
    <FormModal form={form} loading={mutation.isPending} onClose={onClose} title="组建巡察组">
      <Form form={form} layout="vertical" onFinish={mutation.mutate}>
        <Form.Item
          name="name"
          label="巡察组名称"
          rules={[{ required: true, whitespace: true, message: '请填写巡察组名称' }]}
        >
          <Input maxLength={50} placeholder="如：区委第二巡察组" data-testid="team-name-input" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function RoundView({ round }: { round: RoundDetail }) {
  const [dialog, setDialog] = useState<'team' | 'batch' | 'edit' | 'risk'>();
  const close = () => setDialog(undefined);
  const can = useCan();
  const buttons = (
    <Space>
      <DocxButton
        path={`/api/rounds/${round.id}/work-plan.docx`}
        label="巡察工作方案(.docx)"
        fallbackName="巡察工作方案.docx"
        testId="round-work-plan"
      />
      {round.abilities.update && (
        <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="round-edit">
          修改轮次
        </Button>
      )}
      {round.abilities.createInspection && round.teams.length > 0 && (
        <Button icon={<AppstoreAddOutlined />} onClick={() => setDialog('batch')} data-testid="batch-targets">
          批量安排对象
        </Button>
      )}
      {round.abilities.createInspection && round.teams.length > 0 && can('risk.read') && (
        <Button icon={<RiseOutlined />} onClick={() => setDialog('risk')} data-testid="risk-propose">
          按风险推荐
        </Button>
      )}
      {round.abilities.createTeam && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('team')} data-testid="team-create">
          组建巡察组
        </Button>
      )}
    </Space>
  );
  return (
    <PageContainer title={round.name} extra={buttons}>
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Descriptions
          items={[
            {
              key: 'dates',
              label: '起止日期',
              children: `${formatDate(round.startDate)} 至 ${formatDate(round.endDate)}`,
            },
            { key: 'mobilised', label: '动员部署会', children: formatDate(round.mobilisedOn) },
            { key: 'count', label: '巡察对象', children: round.inspectionCount },
          ]}
        />
      </Card>
      <Card variant="borderless" title="巡察组" style={{ marginBottom: 16 }}>
        <Table
          rowKey="id"
          pagination={false}
          dataSource={round.teams}
          data-testid="round-teams"
          columns={[
            { title: '巡察组', dataIndex: 'name', render: (n: string, t) => <Link to={`/teams/${t.id}`}>{n}</Link> },
            { title: '在组人数', dataIndex: 'memberCount' },
          ]}
        />
      </Card>
      <Card variant="borderless" title="巡察对象">
        <TargetsTable targets={round.targets} withTeam />
      </Card>
      {dialog === 'team' && <TeamCreateModal roundId={round.id} onClose={close} />}
      {dialog === 'batch' && <BatchTargetsModal round={round} onClose={close} />}
      {dialog === 'edit' && <RoundEditModal round={round} onClose={close} />}
      {dialog === 'risk' && <RiskProposalModal round={round} onClose={close} />}
    </PageContainer>
  );
}

export function RoundDetailPage() {
  const { id } = useParams();
  const round = useQuery({
    queryKey: ['round', id],
    queryFn: () => api.get<RoundDetail>(`/api/rounds/${id}`),
    enabled: Boolean(id),
  });
  return <QueryBoundary query={round}>{(r) => <RoundView round={r} />}</QueryBoundary>;
}
