import { useQueryClient } from '@tanstack/react-query';
import type { Cadre } from '@xuncha/contracts';
import { type CadreSkill, cadreSkillLabel, unitKind } from '@xuncha/contracts';
import { Button, DatePicker, Flex, Input, Select, Space, Table, type TableColumnsType, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../app/auth.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { formatDate } from '../../shared/format.ts';
import { ImportModal } from '../../shared/ImportModal.tsx';
import { ListError } from '../../shared/ListError.tsx';
import { optionsOf } from '../../shared/options.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { TALENT_KEYS, useCadrePage } from './api.ts';
import { CadreFormModal } from './CadreFormModal.tsx';

const sortOptions = [
  { value: 'name', label: '按姓名' },
  { value: '-participationCount', label: '参加巡察次数多的在前' },
  { value: '-lastParticipation', label: '最近参加巡察的在前' },
];

const columns: TableColumnsType<Cadre> = [
  {
    title: '姓名',
    dataIndex: 'name',
    width: 100,
    render: (name: string, c) => <Link to={`/talent/${c.id}`}>{name}</Link>,
  },
  { title: '所在单位', dataIndex: 'homeUnitName', width: 180, ellipsis: true },
  { title: '职务', dataIndex: 'post', width: 160, ellipsis: true },
  {
    title: '专长',
    dataIndex: 'skills',
    render: (skills: CadreSkill[]) => skills.map((s) => <Tag key={s}>{cadreSkillLabel[s]}</Tag>),
  },
  { title: '参加巡察', dataIndex: 'participationCount', width: 90, align: 'right' },
  { title: '培训', dataIndex: 'trainingCount', width: 70, align: 'right' },
  { title: '表彰', dataIndex: 'commendationCount', width: 70, align: 'right' },
  {
    title: '最近参加',
    dataIndex: 'lastRoundName',
    width: 200,
    render: (name: string | null, c) => (name ? `${name}（${formatDate(c.lastParticipation)}）` : '—'),
  },
  {
    title: '状态',
    dataIndex: 'active',
    width: 80,
    render: (active: boolean) => (active ? <Tag color="green">在库</Tag> : <Tag>已停用</Tag>),
  },
];

/** 人才库: the office composes teams from here, so filters answer "who is free, skilled, experienced". */
export function TalentPoolPage() {
  const search = useSearchState();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const queryClient = useQueryClient();
  const filters = {
    q: search.get('q'),
    skills: search.get('skills'),
    unitKind: search.get('unitKind'),
    availableFrom: search.get('availableFrom'),
    availableTo: search.get('availableTo'),
    active: search.get('active'),
    sort: search.get('sort'),
  };
  const cadres = useCadrePage({ ...filters, page: search.page, pageSize: search.pageSize });
  const range: [Dayjs, Dayjs] | null =
    filters.availableFrom && filters.availableTo ? [dayjs(filters.availableFrom), dayjs(filters.availableTo)] : null;
  return (
    <PageContainer
      title="人才库"
      extra={
        <Space>
          {can('cadre.manage') && (
            <>
              <Button type="primary" onClick={() => setCreating(true)} data-testid="cadre-create">
                新增干部
              </Button>
              <Button onClick={() => setImporting(true)} data-testid="cadre-import">
                导入
              </Button>
            </>
          )}
          <ExportButton path="/api/cadres/export" query={filters} label="导出名册" testId="cadre-export" />
        </Space>
      }
    >
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="姓名、单位、职务"
          style={{ width: 220 }}
          defaultValue={filters.q}
          onSearch={(q) => search.setFilters({ q: q.trim() })}
          data-testid="cadre-filter-q"
        />
        <Select<CadreSkill[]>
          mode="multiple"
          allowClear
          placeholder="专长（任一）"
          style={{ minWidth: 200 }}
          options={optionsOf(cadreSkillLabel)}
          value={filters.skills ? (filters.skills.split(',') as CadreSkill[]) : []}
          onChange={(skills) => search.setFilters({ skills: skills.join(',') })}
          data-testid="cadre-filter-skills"
        />
        <Select
          allowClear
          placeholder="有何类单位经历"
          style={{ width: 160 }}
          options={optionsOf(unitKind.labels)}
          value={filters.unitKind}
          onChange={(kind?: string) => search.setFilters({ unitKind: kind })}
          data-testid="cadre-filter-unit-kind"
        />
        <DatePicker.RangePicker
          placeholder={['可抽调自', '至']}
          value={range}
          onChange={(dates) =>
            search.setFilters({
              availableFrom: dates?.[0]?.format('YYYY-MM-DD'),
              availableTo: dates?.[1]?.format('YYYY-MM-DD'),
            })
          }
          data-testid="cadre-filter-available"
        />
        <Select
          allowClear
          placeholder="在库状态"
          style={{ width: 120 }}
          options={[
            { value: 'true', label: '在库' },
            { value: 'false', label: '已停用' },
          ]}
          value={filters.active}
          onChange={(active?: string) => search.setFilters({ active })}
        />
        <Select
          style={{ width: 200 }}
          options={sortOptions}
          value={filters.sort ?? 'name'}
          onChange={(sort: string) => search.setFilters({ sort })}
        />
      </Flex>
      <ListError error={cadres.error} />
      <Table<Cadre>
        rowKey="id"
        columns={columns}
        dataSource={cadres.data?.items}
        loading={cadres.isFetching}
        pagination={serverPagination(search.page, search.pageSize, cadres.data?.total, search.setPage)}
        data-testid="cadre-table"
      />
      {creating && <CadreFormModal onClose={() => setCreating(false)} />}
      {importing && (
        <ImportModal
          title="导入人才库"
          uploadPath="/api/cadres/import"
          templatePath="/api/cadres/import-template"
          onImported={() => TALENT_KEYS.forEach((queryKey) => void queryClient.invalidateQueries({ queryKey }))}
          onClose={() => setImporting(false)}
        />
      )}
    </PageContainer>
  );
}
