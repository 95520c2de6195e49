import { SendOutlined } from '@ant-design/icons';
import type { InspectionPhase } from '@xuncha/contracts';
import { Alert, Button, Flex } from 'antd';
import { useState } from 'react';
import { useCan } from '../../app/auth.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useLocalPage } from '../../shared/useLocalPage.ts';
import { useInspectionEnquiries } from './api.ts';
import { EnquirySendModal } from './EnquirySendModal.tsx';
import { EnquiryTable } from './EnquiryTable.tsx';

type Props = { inspection: { id: string; committeeId: string; unitName: string; phase: InspectionPhase } };

/** 函询 tab of an inspection: what was asked of whom, the answers filed with the inspection for the team. */
export function EnquiryPanel({ inspection }: Props) {
  const can = useCan();
  const paging = useLocalPage();
  const [sending, setSending] = useState(false);
  const enquiries = useInspectionEnquiries(inspection.id, { page: paging.page, pageSize: paging.pageSize });
  const preparing = inspection.phase === 'preparing';
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        {preparing ? (
          <Alert
            type="info"
            showIcon
            title="进驻前向纪委监委、组织部、信访、审计、政法等单位函询被巡察党组织领导班子及其成员情况"
          />
        ) : (
          <Alert type="info" showIcon title="函询在准备阶段发出；已进驻后仍可查看答复" />
        )}
        <Flex gap={8}>
          <ExportButton path="/api/enquiries/export" query={{ inspectionId: inspection.id }} testId="enquiry-export" />
          {preparing && can('enquiry.create') && (
            <Button type="primary" icon={<SendOutlined />} onClick={() => setSending(true)} data-testid="enquiry-send">
              发出函询
            </Button>
          )}
        </Flex>
      </Flex>
      <EnquiryTable
        showTarget={false}
        enquiries={enquiries.data?.items}
        loading={enquiries.isFetching}
        error={enquiries.error}
        pagination={serverPagination(paging.page, paging.pageSize, enquiries.data?.total, paging.setPage)}
      />
      {sending && <EnquirySendModal inspection={inspection} onClose={() => setSending(false)} />}
    </Flex>
  );
}
