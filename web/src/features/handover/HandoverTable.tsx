import { clueCategory, handoverKind } from '@xuncha/contracts';
import { App, Button, Flex, Popconfirm, Table, type TablePaginationConfig, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { downloadFile } from '../../shared/download.ts';
import { formatDate } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { HANDOVER_KEYS, type Handover, takeStep } from './api.ts';
import { HandoverDrawer } from './HandoverDrawer.tsx';
import { HandoverStepModal, type StepKind } from './HandoverStepModal.tsx';
import { HandoverStatusTags } from './HandoverTags.tsx';

/** What was handed over: the clue's number and category (never its content), or the finding's title. */
function Subject({ h }: { h: Handover }) {
  // a clue may also name the finding it bears on; the clue is what was handed over
  if (h.kind !== 'clue') return <span>{h.findingTitle}</span>;
  return (
    <span>
      {h.clueCode}
      <Typography.Text type="secondary"> · {h.clueCategory ? clueCategory.labels[h.clueCategory] : ''}</Typography.Text>
    </span>
  );
}

const STEP_BUTTONS: { kind: StepKind; label: string; ability: keyof Handover['abilities']; primary?: boolean }[] = [
  { kind: 'accept', label: '接收', ability: 'accept', primary: true },
  { kind: 'decline', label: '退回', ability: 'decline' },
  { kind: 'progress', label: '报告进展', ability: 'progress' },
  { kind: 'conclude', label: '反馈结果', ability: 'conclude', primary: true },
  { kind: 'request-more', label: '要求补充', ability: 'requestMore' },
];

function Actions({ h, onStep, onOpen }: { h: Handover; onStep: (kind: StepKind) => void; onOpen: () => void }) {
  const { message } = App.useApp();
  const close = useApiMutation({
    mutationFn: () => takeStep(h.id, { step: 'close', body: {} }),
    invalidate: HANDOVER_KEYS,
    successMessage: '已确认办结',
  });
  const letter = () =>
    downloadFile(`/api/handovers/${h.id}/document`, undefined, '移交函.docx', () => {}).catch((e: Error) =>
      message.error(e.message),
    );
  return (
    <Flex gap={4} wrap>
      <Button size="small" type="link" onClick={onOpen} data-testid="handover-open">
        详情
      </Button>
      {STEP_BUTTONS.filter((b) => h.abilities[b.ability]).map((b) => (
        <Button
          key={b.kind}
          size="small"
          type={b.primary ? 'primary' : 'default'}
          onClick={() => onStep(b.kind)}
          data-testid={`handover-${b.kind}`}
        >
          {b.label}
        </Button>
      ))}
      {h.abilities.close && (
        <Popconfirm title="确认该移交事项已办结？" onConfirm={() => close.mutate(undefined)}>
          <Button size="small" type="primary" loading={close.isPending} data-testid="handover-close">
            确认办结
          </Button>
        </Popconfirm>
      )}
      {h.abilities.document && (
        <Button size="small" onClick={letter} data-testid="handover-letter">
          移交函
        </Button>
      )}
    </Flex>
  );
}

type Props = {
  handovers: Handover[] | undefined;
  loading: boolean;
  error: unknown;
  pagination: TablePaginationConfig;
  /** the inspection tab does not repeat the inspected unit */
  showUnit: boolean;
};

export function HandoverTable({ handovers, loading, error, pagination, showUnit }: Props) {
  const [step, setStep] = useState<{ kind: StepKind; handover: Handover }>();
  const [openId, setOpenId] = useState<string>();
  const columns: ColumnsType<Handover> = [
    { title: '编号', dataIndex: 'code', width: 130 },
    ...(showUnit
      ? [
          {
            title: '被巡察单位',
            key: 'unit',
            render: (_: unknown, h: Handover) => (
              <>
                {h.unitName}
                <Typography.Text type="secondary"> · {h.roundName}</Typography.Text>
              </>
            ),
          },
        ]
      : []),
    { title: '类别', dataIndex: 'kind', width: 110, render: (k: Handover['kind']) => handoverKind.labels[k] },
    { title: '移交内容', key: 'subject', ellipsis: true, render: (_, h) => <Subject h={h} /> },
    { title: '接收单位', dataIndex: 'recipientName' },
    { title: '移交日期', dataIndex: 'sentOn', width: 110, render: formatDate },
    { title: '反馈期限', dataIndex: 'dueDate', width: 110, render: formatDate },
    { title: '状态', key: 'status', render: (_, h) => <HandoverStatusTags handover={h} /> },
    {
      title: '操作',
      key: 'actions',
      render: (_, h) => (
        <Actions h={h} onStep={(kind) => setStep({ kind, handover: h })} onOpen={() => setOpenId(h.id)} />
      ),
    },
  ];
  return (
    <>
      <ListError error={error} />
      <Table<Handover>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={handovers}
        loading={loading}
        pagination={pagination}
        data-testid="handover-table"
      />
      {step && <HandoverStepModal kind={step.kind} handover={step.handover} onClose={() => setStep(undefined)} />}
      {openId && <HandoverDrawer id={openId} onClose={() => setOpenId(undefined)} />}
    </>
  );
}
