// 问题线索 tab of an inspection. Readers (组长, 巡察办主任, a granted member) get the list, the register
// form and the drawer; everyone else on the team or in the office sees only how many clues there are.
import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import type { InspectionPhase } from '@xuncha/contracts';
import { Button, Card, Flex, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../app/auth.ts';
import { serverPagination } from '../../shared/pagination.ts';
import { useLocalPage } from '../../shared/useLocalPage.ts';
import { useClueCounts, useInspectionClues } from './api.ts';
import { ClueDrawer } from './ClueDrawer.tsx';
import { ClueFilters, type ClueFilterValues } from './ClueFilters.tsx';
import { ClueFormModal } from './ClueFormModal.tsx';
import { ClueTable } from './ClueTable.tsx';

const REGISTERING: ReadonlySet<InspectionPhase> = new Set(['stationed', 'investigating', 'reporting']);

function CountsCard({ inspectionId, readable }: { inspectionId: string; readable: boolean }) {
  const counts = useClueCounts(inspectionId);
  return (
    <Card size="small" data-testid="clue-counts">
      <Flex gap={48} align="center" wrap>
        <Statistic title="问题线索" value={counts.data?.total ?? '—'} suffix="件" loading={counts.isPending} />
        <Statistic title="已移交" value={counts.data?.handedOver ?? '—'} suffix="件" loading={counts.isPending} />
        {!readable && (
          <Typography.Text type="secondary">
            <LockOutlined /> 线索内容仅限组长、巡察办主任及授权人员查看
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}

type Props = { inspection: { id: string; phase: InspectionPhase } };

export function CluePanel({ inspection }: Props) {
  const can = useCan();
  const paging = useLocalPage();
  const [filters, setFilters] = useState<ClueFilterValues>({});
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const clues = useInspectionClues(inspection.id, { ...filters, page: paging.page, pageSize: paging.pageSize });
  const filtered = Object.values(filters).some((v) => v !== undefined);
  // a team member with a per-clue grant has no clue.read, yet reads the clues granted to them
  const readable = can('clue.read') || (clues.data?.total ?? 0) > 0 || filtered;
  const changeFilters = (changes: ClueFilterValues) => {
    setFilters((prev) => ({ ...prev, ...changes }));
    paging.setPage(1, paging.pageSize);
  };
  return (
    <Flex vertical gap={12}>
      <CountsCard inspectionId={inspection.id} readable={readable} />
      {readable && (
        <>
          <Flex justify="space-between" wrap gap={12}>
            <Flex gap={12} wrap>
              <ClueFilters value={filters} onChange={changeFilters} />
            </Flex>
            {can('clue.create') && REGISTERING.has(inspection.phase) && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="clue-create"
              >
                登记线索
              </Button>
            )}
          </Flex>
          <ClueTable
            showUnit={false}
            clues={clues.data?.items}
            loading={clues.isFetching}
            error={clues.error}
            pagination={serverPagination(paging.page, paging.pageSize, clues.data?.total, paging.setPage)}
            onOpen={(c) => setOpenId(c.id)}
          />
        </>
      )}
      {creating && <ClueFormModal inspectionId={inspection.id} onClose={() => setCreating(false)} />}
      {openId && <ClueDrawer clueId={openId} onClose={() => setOpenId(null)} />}
    </Flex>
  );
}
