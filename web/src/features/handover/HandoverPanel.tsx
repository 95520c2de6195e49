import { SendOutlined } from '@ant-design/icons';
import type { InspectionPhase } from '@xuncha/contracts';
import { Alert, Button, Flex } from 'antd';
import { useState } from 'react';
import { useCan } from '../../app/auth.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useLocalPage } from '../../shared/useLocalPage.ts';
import { useHandoverPage } from './api.ts';
import { HandoverCreateModal } from './HandoverCreateModal.tsx';
import { HandoverTable } from './HandoverTable.tsx';

// The server allows handovers once the report has been heard, until the rectification is evaluated.
const HANDOVER_PHASES: InspectionPhase[] = ['reporting', 'feedback', 'rectifying', 'evaluating'];

type Props = { inspection: { id: string; committeeId: string; phase: InspectionPhase } };

/** 移交 tab of an inspection: what was handed to whom, its status and result, and the 移交 form. */
export function HandoverPanel({ inspection }: Props) {
  const can = useCan();
  const paging = useLocalPage();
  const [creating, setCreating] = useState(false);
  const query = { inspectionId: inspection.id };
  const list = useHandoverPage({ ...query, page: paging.page, pageSize: paging.pageSize });
  const open = HANDOVER_PHASES.includes(inspection.phase);
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Alert
          type="info"
          showIcon
          title={
            open
              ? '问题线索移交纪委监委，选人用人问题移交组织部，其他问题移交主管部门；件件有着落、事事有回音'
              : '听取巡察汇报后才能移交问题和线索'
          }
        />
        <Flex gap={8}>
          {can('handover.read') && <ExportButton path="/api/handovers/export" query={query} testId="handover-export" />}
          {open && can('handover.create') && (
            <Button
              type="primary"
              icon={<SendOutlined />}
              onClick={() => setCreating(true)}
              data-testid="handover-create"
            >
              移交
            </Button>
          )}
        </Flex>
      </Flex>
      <HandoverTable
        showUnit={false}
        handovers={list.data?.items}
        loading={list.isFetching}
        error={list.error}
        pagination={serverPagination(paging.page, paging.pageSize, list.data?.total, paging.setPage)}
      />
      {creating && <HandoverCreateModal inspection={inspection} onClose={() => setCreating(false)} />}
    </Flex>
  );
}
