import {
  type EnquiryRecipientKind,
  type EnquiryStatus,
  enquiryRecipientKindLabel,
  enquiryStatusLabel,
} from '@xuncha/contracts';
import { Button, Flex, Table, type TablePaginationConfig, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { TextInputModal } from '../rectification/TextInputModal.tsx';
import { answerEnquiry, ENQUIRY_KEYS, type Enquiry, withdrawEnquiry } from './api.ts';

const statusColor: Record<EnquiryStatus, string> = { sent: 'processing', answered: 'success', withdrawn: 'default' };

function StatusCell({ enquiry }: { enquiry: Enquiry }) {
  return (
    <Flex gap={4} wrap>
      <Tag color={statusColor[enquiry.status]}>{enquiryStatusLabel[enquiry.status]}</Tag>
      {enquiry.overdue && <Tag color="error">逾期</Tag>}
    </Flex>
  );
}

function Outcome({ enquiry }: { enquiry: Enquiry }) {
  if (enquiry.status === 'withdrawn')
    return <Typography.Text type="secondary">撤回理由：{enquiry.withdrawReason}</Typography.Text>;
  if (!enquiry.answer) return <Typography.Text type="secondary">尚未答复</Typography.Text>;
  return (
    <>
      <Typography.Text type="secondary">
        {enquiry.answeredByName} 于 {formatDateTime(enquiry.answeredAt)} 答复：
      </Typography.Text>
      <div className="pre-wrap">{enquiry.answer}</div>
    </>
  );
}

/** Subject and answer (or withdrawal reason), shown when a row is expanded: both can be long. */
function Details({ enquiry }: { enquiry: Enquiry }) {
  return (
    <Flex vertical gap={8}>
      <div>
        <Typography.Text type="secondary">函询事项：</Typography.Text>
        <span className="pre-wrap">{enquiry.subject}</span>
      </div>
      <Outcome enquiry={enquiry} />
    </Flex>
  );
}

type Props = {
  enquiries: Enquiry[] | undefined;
  loading: boolean;
  error: unknown;
  pagination: TablePaginationConfig;
  /** the inbox shows which inspection each enquiry is about; the inspection panel does not need to */
  showTarget: boolean;
};

type Action = { kind: 'answer' | 'withdraw'; enquiry: Enquiry } | null;

export function EnquiryTable({ enquiries, loading, error, pagination, showTarget }: Props) {
  const [action, setAction] = useState<Action>(null);
  const mutation = useApiMutation({
    mutationFn: ({ kind, id, text }: { kind: 'answer' | 'withdraw'; id: string; text: string }) =>
      kind === 'answer' ? answerEnquiry(id, text) : withdrawEnquiry(id, text),
    invalidate: ENQUIRY_KEYS,
    successMessage: ({ kind }) => (kind === 'answer' ? '已答复' : '函询已撤回'),
    onSuccess: () => setAction(null),
  });
  const columns: ColumnsType<Enquiry> = [
    ...(showTarget
      ? [
          {
            title: '被巡察单位',
            key: 'target',
            render: (_: unknown, e: Enquiry) => (
              <>
                {e.targetUnitName}
                <Typography.Text type="secondary"> · {e.roundName}</Typography.Text>
              </>
            ),
          },
        ]
      : []),
    { title: '函询对象', dataIndex: 'recipientUnitName' },
    { title: '类别', dataIndex: 'recipientKind', render: (k: EnquiryRecipientKind) => enquiryRecipientKindLabel[k] },
    { title: '函询事项', dataIndex: 'subject', ellipsis: true },
    { title: '答复期限', dataIndex: 'dueDate', render: formatDate },
    { title: '状态', key: 'status', render: (_, e) => <StatusCell enquiry={e} /> },
    {
      title: '操作',
      key: 'actions',
      render: (_, e) => (
        <Flex gap={4}>
          {e.abilities.answer && (
            <Button
              size="small"
              type="primary"
              onClick={() => setAction({ kind: 'answer', enquiry: e })}
              data-testid="enquiry-answer"
            >
              答复
            </Button>
          )}
          {e.abilities.withdraw && (
            <Button
              size="small"
              onClick={() => setAction({ kind: 'withdraw', enquiry: e })}
              data-testid="enquiry-withdraw"
            >
              撤回
            </Button>
          )}
        </Flex>
      ),
    },
  ];
  return (
    <>
      <ListError error={error} />
      <Table<Enquiry>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={enquiries}
        loading={loading}
        pagination={pagination}
        expandable={{ expandedRowRender: (e) => <Details enquiry={e} /> }}
        data-testid="enquiry-table"
      />
      {action && (
        <TextInputModal
          title={action.kind === 'answer' ? `答复函询：${action.enquiry.targetUnitName}` : '撤回函询'}
          label={action.kind === 'answer' ? '答复内容' : '撤回理由'}
          okText={action.kind === 'answer' ? '提交答复' : '撤回'}
          required
          maxLength={action.kind === 'answer' ? 20000 : 500}
          danger={action.kind === 'withdraw'}
          loading={mutation.isPending}
          testId={action.kind === 'answer' ? 'enquiry-answer-content' : 'enquiry-withdraw-reason'}
          onSubmit={(text) => mutation.mutate({ kind: action.kind, id: action.enquiry.id, text })}
          onClose={() => setAction(null)}
        />
      )}
    </>
  );
}
