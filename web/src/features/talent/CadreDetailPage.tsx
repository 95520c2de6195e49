import { type CadreDetail, cadreSkillLabel, genderLabel, teamPostLabel } from '@xuncha/contracts';
import { Button, Descriptions, Popconfirm, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { AppraisalModal, appraisalColumns } from './AppraisalModal.tsx';
import { AvoidancePreview } from './AvoidancePreview.tsx';
import { setCadreActive, TALENT_KEYS, useCadre } from './api.ts';
import { CadreFormModal } from './CadreFormModal.tsx';
import { type RecordRow, RecordTab } from './RecordTab.tsx';
import { availabilityTab, commendationTab, pastPostTab, relativeTab, trainingTab } from './recordTabs.tsx';

type Participation = CadreDetail['participations'][number];

const participationColumns = [
  { title: '巡察轮次', dataIndex: 'roundName' },
  {
    title: '巡察组',
    dataIndex: 'teamName',
    render: (name: string, p: Participation) => <Link to={`/teams/${p.teamId}`}>{name}</Link>,
  },
  { title: '职务', dataIndex: 'post', render: (post: keyof typeof teamPostLabel) => teamPostLabel[post] ?? post },
  { title: '被巡察单位', dataIndex: 'targetNames', render: (names: string[]) => names.join('、') || '—' },
  { title: '承诺书签署', dataIndex: 'pledgedAt', render: (v: string | null) => (v ? formatDateTime(v) : '未签署') },
  {
    title: '时间',
    render: (_: unknown, p: Participation) => `${formatDate(p.roundStart)} 至 ${formatDate(p.roundEnd)}`,
  },
];

function BasicInfo({ cadre }: { cadre: CadreDetail }) {
  return (
    <Descriptions column={2} bordered size="small">
      <Descriptions.Item label="姓名">{cadre.name}</Descriptions.Item>
      <Descriptions.Item label="性别">{cadre.gender ? genderLabel[cadre.gender] : '—'}</Descriptions.Item>
      <Descriptions.Item label="出生年份">{cadre.birthYear ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="所在单位">{cadre.homeUnitName}</Descriptions.Item>
      <Descriptions.Item label="职务">{cadre.post}</Descriptions.Item>
      <Descriptions.Item label="职级">{cadre.rank ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="联系电话">{cadre.phone ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="状态">
        {cadre.active ? <Tag color="green">在库</Tag> : <Tag>已停用</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label="专长" span={2}>
        {cadre.skills.map((s) => (
          <Tag key={s}>{cadreSkillLabel[s]}</Tag>
        ))}
      </Descriptions.Item>
      <Descriptions.Item label="备注" span={2}>
        {cadre.notes ?? '—'}
      </Descriptions.Item>
    </Descriptions>
  );
}

function CadreFile({ cadre }: { cadre: CadreDetail }) {
  const [editing, setEditing] = useState(false);
  const [appraising, setAppraising] = useState(false);
  const toggle = useApiMutation({
    mutationFn: () => setCadreActive(cadre.id, !cadre.active),
    invalidate: TALENT_KEYS,
    successMessage: cadre.active ? '已停用' : '已恢复',
  });
  const editable = cadre.abilities.manage && cadre.active;
  const records = (
    key: string,
    label: string,
    kind: Parameters<typeof RecordTab>[0]['kind'],
    rows: object[],
    tab: Omit<Parameters<typeof RecordTab>[0], 'cadreId' | 'kind' | 'label' | 'rows' | 'editable'>,
  ) => ({
    key,
    label,
    children: (
      <RecordTab cadreId={cadre.id} kind={kind} label={label} rows={rows as RecordRow[]} editable={editable} {...tab} />
    ),
  });
  return (
    <PageContainer
      title={`${cadre.name}（${cadre.homeUnitName}）`}
      extra={
        <Space>
          {editable && (
            <Button onClick={() => setEditing(true)} data-testid="cadre-edit">
              编辑
            </Button>
          )}
          {cadre.abilities.appraise && (
            <Button onClick={() => setAppraising(true)} data-testid="cadre-appraise">
              综合鉴定
            </Button>
          )}
          {cadre.abilities.manage && (
            <Popconfirm
              title={cadre.active ? '停用后不再参与选派，记录保留。确定停用？' : '确定恢复在库？'}
              onConfirm={() => toggle.mutate(undefined)}
            >
              <Button danger={cadre.active} data-testid="cadre-toggle-active">
                {cadre.active ? '停用' : '恢复'}
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      <Tabs
        items={[
          {
            key: 'basic',
            label: '基本信息',
            children: (
              <>
                <BasicInfo cadre={cadre} />
                <AvoidancePreview cadreId={cadre.id} />
              </>
            ),
          },
          records('posts', '工作经历', 'past-posts', cadre.pastPosts, pastPostTab),
          records('relatives', '亲属关系', 'relatives', cadre.relatives, relativeTab),
          records('availability', '可抽调时间', 'availability', cadre.availability, availabilityTab),
          records('trainings', '教育培训', 'trainings', cadre.trainings, trainingTab),
          records('commendations', '表彰奖励', 'commendations', cadre.commendations, commendationTab),
          {
            key: 'participations',
            label: `参加巡察（${cadre.participations.length}）`,
            children: (
              <Table
                rowKey="teamId"
                size="small"
                columns={participationColumns}
                dataSource={cadre.participations}
                pagination={false}
              />
            ),
          },
          {
            key: 'appraisals',
            label: '综合鉴定',
            children: (
              <Table
                rowKey="id"
                size="small"
                columns={appraisalColumns}
                dataSource={cadre.appraisals}
                pagination={false}
              />
            ),
          },
        ]}
        data-testid="cadre-tabs"
      />
      {editing && <CadreFormModal cadre={cadre} onClose={() => setEditing(false)} />}
      {appraising && <AppraisalModal cadre={cadre} onClose={() => setAppraising(false)} />}
    </PageContainer>
  );
}

/** 干部档案: everything the office needs to decide on a secondment, in tabs. */
export function CadreDetailPage() {
  const { id } = useParams();
  const cadre = useCadre(id);
  return <QueryBoundary query={cadre}>{(data) => <CadreFile cadre={data} />}</QueryBoundary>;
}
