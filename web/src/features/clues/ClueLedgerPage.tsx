// 线索处置台账: every clue the user may read across the committee (组长 and 巡察办主任: their clues; 纪委监委:
// those handed to it), with where each went and how it was disposed of. The export leaves out the
// keyword (a search word may be a name, and export filters are written to the audit log).
import { Alert, Flex } from 'antd';
import { useState } from 'react';
import { useCan } from '../../app/auth.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { RoundSelect } from '../planning/RoundSelect.tsx';
import { useClueLedger } from './api.ts';
import { ClueDrawer } from './ClueDrawer.tsx';
import { ClueFilters, type ClueFilterValues } from './ClueFilters.tsx';
import { ClueTable } from './ClueTable.tsx';

export function ClueLedgerPage() {
  const can = useCan();
  const search = useSearchState();
  const [openId, setOpenId] = useState<string | null>(null);
  // the keyword stays out of the URL: it may be a person's name
  const [q, setQ] = useState<string | undefined>();
  const filters = {
    status: search.get('status'),
    category: search.get('category'),
    roundId: search.get('roundId'),
    inspectionId: search.get('inspectionId'),
  };
  const changeFilters = (changes: ClueFilterValues) => {
    const { q: keyword, ...rest } = changes;
    if ('q' in changes) setQ(keyword);
    search.setFilters(rest); // back to page 1 either way
  };
  const ledger = useClueLedger({ ...filters, q, page: search.page, pageSize: search.pageSize });
  return (
    <PageContainer
      title="线索处置台账"
      extra={can('clue.read') && <ExportButton path="/api/clues/export" query={filters} testId="clue-export" />}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="本台账仅显示您有权查看的问题线索；每次查看均记入审计日志。"
      />
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <ClueFilters value={{ ...filters, q }} onChange={changeFilters}>
          {can('round.read') && (
            <RoundSelect
              allowClear
              placeholder="全部轮次"
              style={{ width: 220 }}
              value={filters.roundId}
              onChange={(roundId) => search.setFilters({ roundId })}
            />
          )}
        </ClueFilters>
      </Flex>
      <ClueTable
        showUnit
        clues={ledger.data?.items}
        loading={ledger.isFetching}
        error={ledger.error}
        pagination={serverPagination(search.page, search.pageSize, ledger.data?.total, search.setPage)}
        onOpen={(c) => setOpenId(c.id)}
      />
      {openId && <ClueDrawer clueId={openId} onClose={() => setOpenId(null)} />}
    </PageContainer>
  );
}
