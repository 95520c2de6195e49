import { PlusOutlined } from '@ant-design/icons';
import type { Committee } from '@xuncha/contracts';
import { Button, Empty, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { ListError } from '../../shared/ListError.tsx';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useCommittees } from './api.ts';
import { CommitteeFormModal } from './CommitteeFormModal.tsx';

type Editing = { mode: 'create'; parent: Committee } | { mode: 'edit'; committee: Committee };

/** 派出党委: the committee tree (省委 → 市委 → 区县委 → 部门党组) and each committee's settings. */
export function CommitteesPage() {
  const committees = useCommittees();
  const [editing, setEditing] = useState<Editing>();

  const columns: TableColumnsType<Committee> = [
    {
      title: '党委名称',
      dataIndex: 'name',
      // the list arrives in tree order; depth is enough to show the tree
      render: (name: string, c) => <span style={{ paddingInlineStart: c.depth * 24 }}>{name}</span>,
    },
    { title: '简称', dataIndex: 'shortName', width: 120, render: (v: string | null) => v ?? '—' },
    { title: '层级', dataIndex: 'level', width: 120, render: (level: string) => <Tag>{level}</Tag> },
    { title: '回避年限', dataIndex: 'avoidanceYears', width: 100, render: (years: number) => `${years} 年` },
    {
      title: '操作',
      width: 200,
      render: (_, c) =>
        c.abilities.manage && (
          <Space>
            <Button
              size="small"
              onClick={() => setEditing({ mode: 'edit', committee: c })}
              data-testid="committee-edit"
            >
              设置
            </Button>
            {c.level !== '部门党组' && (
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => setEditing({ mode: 'create', parent: c })}
                data-testid="committee-add-child"
              >
                下级党委
              </Button>
            )}
          </Space>
        ),
    },
  ];

  return (
    <PageContainer title="派出党委">
      <ListError error={committees.error} />
      <Table<Committee>
        rowKey="id"
        columns={columns}
        dataSource={committees.data?.items}
        loading={committees.isFetching}
        pagination={false}
        locale={{ emptyText: <Empty description="暂无派出党委" /> }}
        data-testid="committee-table"
      />
      {editing && <CommitteeFormModal editing={editing} onClose={() => setEditing(undefined)} />}
    </PageContainer>
  );
}
