// A lower committee's inspections and fed-back findings (linkage.drill). A finding labelled 敏感 shows its
// classification only; no finding's facts or clue ever reach this view.
import {
  aspect,
  findingStatusLabel,
  inspectionPhaseLabel,
  inspectionType,
  type LinkageCommitteeRow,
} from '@xuncha/contracts';
import { Drawer, Select, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ListError } from '../../shared/ListError.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { type FindingRow, type InspectionRow, useDrillFindings, useDrillInspections } from './api.ts';

type Props = { committee: LinkageCommitteeRow | null; onClose: () => void };

function InspectionsList({ committeeId }: { committeeId: string }) {
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useDrillInspections(committeeId, paging);
  return (
    <>
      <ListError error={list.error} />
      <Table<InspectionRow>
        rowKey="id"
        size="small"
        data-testid="linkage-drill-inspections"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={serverPagination(paging.page, paging.pageSize, list.data?.total, (page, pageSize) =>
          setPaging({ page, pageSize }),
        )}
        columns={[
          { title: '轮次', dataIndex: 'roundName' },
          { title: '被巡察单位', dataIndex: 'unitName' },
          {
            title: '类型',
            dataIndex: 'type',
            width: 90,
            render: (t: InspectionRow['type']) => inspectionType.labels[t],
          },
          {
            title: '阶段',
            dataIndex: 'phase',
            width: 90,
            render: (p: InspectionRow['phase']) => inspectionPhaseLabel[p],
          },
          { title: '进驻', dataIndex: 'startDate', width: 110 },
          { title: '问题', dataIndex: 'findings', width: 60 },
        ]}
      />
    </>
  );
}

function FindingsList({ committeeId }: { committeeId: string }) {
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [aspectFilter, setAspect] = useState<string | undefined>();
  const list = useDrillFindings(committeeId, { ...paging, aspect: aspectFilter });
  return (
    <>
      <Select
        allowClear
        placeholder="全部方面"
        style={{ width: 220, marginBottom: 12 }}
        value={aspectFilter}
        onChange={(v) => {
          setAspect(v);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        options={aspect.codes.map((c) => ({ value: c, label: aspect.labels[c] }))}
        data-testid="linkage-drill-aspect"
      />
      <ListError error={list.error} />
      <Table<FindingRow>
        rowKey="id"
        size="small"
        data-testid="linkage-drill-findings"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={serverPagination(paging.page, paging.pageSize, list.data?.total, (page, pageSize) =>
          setPaging({ page, pageSize }),
        )}
        columns={[
          { title: '单位', dataIndex: 'unitName', width: 160 },
          {
            title: '问题',
            dataIndex: 'title',
            render: (title: string | null) =>
              title ?? <Typography.Text type="secondary">（敏感问题，标题不予显示）</Typography.Text>,
          },
          { title: '方面', dataIndex: 'aspect', width: 130, render: (a: FindingRow['aspect']) => aspect.labels[a] },
          { title: '状态', dataIndex: 'status', width: 80, render: (s: FindingRow['status']) => findingStatusLabel[s] },
          {
            title: '整改',
            key: 'tasks',
            width: 110,
            render: (_: unknown, f: FindingRow) =>
              f.tasks === 0 ? (
                '—'
              ) : (
                <Tag color={f.tasksClosed === f.tasks ? 'green' : 'orange'}>{`${f.tasksClosed}/${f.tasks} 已销号`}</Tag>
              ),
          },
        ]}
      />
    </>
  );
}

export function LinkageDrillDrawer({ committee, onClose }: Props) {
  return (
    <Drawer
      open={committee !== null}
      onClose={onClose}
      size="large"
      title={committee ? `${committee.name}：巡察与问题明细` : ''}
      data-testid="linkage-drill"
      destroyOnHidden
    >
      {committee && (
        <Tabs
          items={[
            { key: 'inspections', label: '巡察', children: <InspectionsList committeeId={committee.committeeId} /> },
            { key: 'findings', label: '问题', children: <FindingsList committeeId={committee.committeeId} /> },
          ]}
        />
      )}
    </Drawer>
  );
}
