// One record in a drawer. Its notes are fetched only when the drawer opens and only for users who may
// read them (the server records every read of sensitive content); others see that the record exists.
import { EditOutlined, LockOutlined, UploadOutlined } from '@ant-design/icons';
import { type FieldworkKind, fieldworkKind } from '@xuncha/contracts';
import { Alert, App, Button, Descriptions, Divider, Drawer, Flex, List, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { formatDate, formatDateTime, formatFileSize } from '../../shared/format.ts';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import {
  type FieldworkDetail,
  type FieldworkSummary,
  fieldworkAttachmentUrl,
  uploadFieldworkAttachment,
  useFieldworkDetail,
} from './api.ts';
import { DetailsView } from './DetailsView.tsx';
import { FieldworkFormModal } from './FieldworkFormModal.tsx';

// Same limits as the server: checking here saves uploading 20 MB only to have it refused.
const ALLOWED_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'jpg', 'jpeg', 'png', 'ofd'];
const MAX_BYTES = 20 * 1024 * 1024;

function Heading({ record }: { record: FieldworkSummary }) {
  return (
    <Descriptions
      size="small"
      column={2}
      items={[
        { key: 'kind', label: '方式', children: fieldworkKind.labels[record.kind] },
        { key: 'seq', label: '序号', children: record.seq },
        { key: 'date', label: '时间', children: `${formatDate(record.occurredOn)} ${record.startTime ?? ''}` },
        { key: 'place', label: '地点', children: record.place ?? '—' },
        { key: 'by', label: '登记人', children: record.createdByName },
        { key: 'at', label: '登记时间', children: formatDateTime(record.createdAt) },
      ]}
    />
  );
}

function Attachments({ record, inspectionId }: { record: FieldworkDetail; inspectionId: string }) {
  const { message } = App.useApp();
  const upload = useApiMutation({
    mutationFn: (file: File) => uploadFieldworkAttachment(record.id, file),
    invalidate: [
      ['fieldwork-detail', record.id],
      ['fieldwork', inspectionId],
    ],
    successMessage: '附件已上传',
  });
  const check = (file: File) => {
    const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
    if (!ALLOWED_EXTENSIONS.includes(extension)) {
      message.error(`不支持的文件类型，仅限 ${ALLOWED_EXTENSIONS.join('、')}`);
    } else if (file.size > MAX_BYTES) {
      message.error('文件不能超过 20 MB');
    } else {
      upload.mutate(file);
    }
    return Upload.LIST_IGNORE;
  };
  return (
    <>
      <Divider titlePlacement="start">附件</Divider>
      <List
        size="small"
        locale={{ emptyText: '暂无附件' }}
        dataSource={record.attachments}
        renderItem={(a) => (
          <List.Item extra={`${formatFileSize(a.size)} · ${a.uploadedByName} · ${formatDateTime(a.at)}`}>
            {/* A plain link: the browser handles the download with the session cookie. */}
            <a href={fieldworkAttachmentUrl(record.id, a.id)} target="_blank" rel="noreferrer">
              {a.fileName}
            </a>
          </List.Item>
        )}
      />
      {record.abilities.attach && (
        <Upload beforeUpload={check} showUploadList={false} accept={ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(',')}>
          <Button icon={<UploadOutlined />} loading={upload.isPending} style={{ marginTop: 8 }}>
            上传附件
          </Button>
        </Upload>
      )}
    </>
  );
}

function Content({ id, inspectionId, kinds }: { id: string; inspectionId: string; kinds: FieldworkKind[] }) {
  const detail = useFieldworkDetail(id, true);
  const [editing, setEditing] = useState(false);
  return (
    <QueryBoundary query={detail}>
      {(record) => (
        <Flex vertical gap={12}>
          {record.sensitive && (
            <Alert
              type="warning"
              showIcon
              icon={<LockOutlined />}
              title="敏感内容：本次查看已记入审计日志，请勿外传。"
            />
          )}
          <Heading record={record} />
          <DetailsView kind={record.kind} details={record.details} />
          {record.petitioner && (
            <Descriptions
              size="small"
              bordered
              column={2}
              items={[
                { key: 'n', label: '反映人', children: record.petitioner.name },
                { key: 'c', label: '联系方式', children: record.petitioner.contact ?? '—' },
              ]}
            />
          )}
          <Typography.Title level={5} style={{ margin: 0 }}>
            {record.kind === 'self_check' ? '自查情况' : '情况摘要'}
          </Typography.Title>
          <Typography.Paragraph className="pre-wrap">{record.summary}</Typography.Paragraph>
          <Attachments record={record} inspectionId={inspectionId} />
          {record.abilities.update && (
            <Flex justify="flex-end">
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="fieldwork-edit">
                修改
              </Button>
            </Flex>
          )}
          {editing && (
            <FieldworkFormModal
              inspectionId={inspectionId}
              kinds={kinds.length > 0 ? kinds : [record.kind]}
              record={record}
              onClose={() => setEditing(false)}
            />
          )}
        </Flex>
      )}
    </QueryBoundary>
  );
}

type Props = { record: FieldworkSummary; inspectionId: string; kinds: FieldworkKind[]; onClose: () => void };

export function FieldworkDrawer({ record, inspectionId, kinds, onClose }: Props) {
  return (
    <Drawer
      open
      width={760}
      onClose={onClose}
      data-testid="fieldwork-drawer"
      title={
        <Flex gap={8} align="center">
          {record.title}
          {record.sensitive && <Tag color="red">敏感</Tag>}
        </Flex>
      }
    >
      {record.abilities.readContent ? (
        <Content id={record.id} inspectionId={inspectionId} kinds={kinds} />
      ) : (
        <Flex vertical gap={12}>
          <Heading record={record} />
          <Alert type="info" showIcon icon={<LockOutlined />} title="该记录为敏感内容，您无权查看谈话或反映内容。" />
        </Flex>
      )}
    </Drawer>
  );
}
