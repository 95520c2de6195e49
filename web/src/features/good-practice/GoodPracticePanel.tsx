import { PlusOutlined } from '@ant-design/icons';
import type { Inspection } from '@xuncha/contracts';
import { Alert, Button, Flex } from 'antd';
import { useState } from 'react';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useLocalPage } from '../../shared/useLocalPage.ts';
import { useInspectionGoodPractices } from './api.ts';
import { GoodPracticeModal } from './GoodPracticeModal.tsx';
import { GoodPracticeTable } from './GoodPracticeTable.tsx';

/** 经验做法 tab of an inspection: what the team found worth spreading, recorded with the findings. */
export function GoodPracticePanel({ inspection }: { inspection: Inspection }) {
  const paging = useLocalPage();
  const [creating, setCreating] = useState(false);
  const practices = useInspectionGoodPractices(inspection.id, { page: paging.page, pageSize: paging.pageSize });
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Alert type="info" showIcon title="巡察中发现的好经验、好做法，写入巡察报告，值得推广的由巡察办汇总推广" />
        <Flex gap={8}>
          <ExportButton
            path="/api/good-practices/export"
            query={{ inspectionId: inspection.id }}
            testId="practice-export"
          />
          {/* recorded like findings: by the team, while on site or writing the report */}
          {inspection.abilities.createFinding && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="create-practice"
            >
              记录经验做法
            </Button>
          )}
        </Flex>
      </Flex>
      <GoodPracticeTable
        showUnit={false}
        practices={practices.data?.items}
        loading={practices.isFetching}
        error={practices.error}
        pagination={serverPagination(paging.page, paging.pageSize, practices.data?.total, paging.setPage)}
      />
      {creating && <GoodPracticeModal inspectionId={inspection.id} onClose={() => setCreating(false)} />}
    </Flex>
  );
}
