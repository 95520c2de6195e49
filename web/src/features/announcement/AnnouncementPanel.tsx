import { EditOutlined, PrinterOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Flex, Popconfirm, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { DocxButton } from '../../shared/DocxButton.tsx';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { AnnouncementFormModal } from './AnnouncementFormModal.tsx';
import { type Announcement, publicUrl, publishAnnouncement, useAnnouncement } from './api.ts';

/** The 公告 as a .docx 公文 (server-generated); it needs every required field, as publishing does. */
function AnnouncementDocxButton({ announcement: a }: { announcement: Announcement }) {
  return (
    <DocxButton
      path={`/api/inspections/${a.inspectionId}/announcement.docx`}
      label="下载公告(.docx)"
      fallbackName="巡察公告.docx"
      disabled={a.missing.length > 0}
      title={a.missing.length > 0 ? '请先填写完整公告内容' : undefined}
      testId="announcement-docx"
    />
  );
}

function AnnouncementView({ announcement: a }: { announcement: Announcement }) {
  const [editing, setEditing] = useState(false);
  const publish = useApiMutation({
    mutationFn: () => publishAnnouncement(a.inspectionId),
    invalidate: [['announcement']],
    successMessage: '巡察公告已发布',
  });
  const period = a.periodStart && a.periodEnd ? `${formatDate(a.periodStart)} 至 ${formatDate(a.periodEnd)}` : '—';
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        {a.publishedAt ? (
          <Tag color="success" data-testid="announcement-status">
            已于 {formatDateTime(a.publishedAt)} 发布
          </Tag>
        ) : (
          <Tag data-testid="announcement-status">草稿，未发布</Tag>
        )}
        <Flex gap={8}>
          {a.abilities.update && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="announcement-edit">
              编辑
            </Button>
          )}
          {a.abilities.update && (
            <Popconfirm title="发布后公告内容不能再修改，确定发布？" onConfirm={() => publish.mutate()} okText="发布">
              <Button
                type="primary"
                icon={<SendOutlined />}
                disabled={!a.abilities.publish}
                loading={publish.isPending}
                data-testid="announcement-publish"
              >
                发布
              </Button>
            </Popconfirm>
          )}
          <Link to={`/print/inspections/${a.inspectionId}/announcement`} target="_blank">
            <Button icon={<PrinterOutlined />} data-testid="announcement-print">
              打印
            </Button>
          </Link>
          <AnnouncementDocxButton announcement={a} />
        </Flex>
      </Flex>
      {a.missing.length > 0 && !a.publishedAt && (
        <Alert type="warning" showIcon title={`发布前还需填写：${a.missing.join('、')}`} />
      )}
      <Descriptions
        bordered
        size="middle"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'period', label: '公告期限', children: period },
          { key: 'phone', label: '联系电话', children: a.phone ?? '—' },
          { key: 'mailbox', label: '邮政信箱', children: a.mailbox ?? '—' },
          { key: 'address', label: '接待地点', children: a.address ?? '—' },
          { key: 'hours', label: '接待时间', children: a.receptionHours ?? '—' },
          { key: 'email', label: '电子邮箱', children: a.email ?? '—' },
          { key: 'link', label: '网上举报渠道', span: 2, children: publicUrl(a) },
        ]}
      />
      {editing && <AnnouncementFormModal announcement={a} onClose={() => setEditing(false)} />}
    </Flex>
  );
}

/** 巡察公告 tab of an inspection: edit the draft, publish it once, print it. */
export function AnnouncementPanel({ inspectionId }: { inspectionId: string }) {
  const announcement = useAnnouncement(inspectionId);
  return <QueryBoundary query={announcement}>{(a) => <AnnouncementView announcement={a} />}</QueryBoundary>;
}
