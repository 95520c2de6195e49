// One clue in a drawer: content, history, the team's steps, grants and the whistleblower on request.
// The content is fetched when the drawer opens (the server records the reading); a user who may only
// count clues never gets here, and a 403/404 shows the server's message without anything of the clue.
import { clueCategory, clueEventLabel, clueSource, clueStatusLabel } from '@xuncha/contracts';
import { Button, Descriptions, Divider, Drawer, Flex, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { TextInputModal } from '../rectification/TextInputModal.tsx';
import { CLUE_KEYS, type Clue, type ClueStep, moveClue, useClue, useClueHistory } from './api.ts';
import { ClueGrants } from './ClueGrants.tsx';
import { ClueStatusTag, HandoverCell } from './ClueTags.tsx';
import { WhistleblowerButton } from './WhistleblowerButton.tsx';

const STEP_TEXT: Record<ClueStep, { button: string; title: string }> = {
  verify: { button: '初步核实', title: '转入初步核实' },
  shelve: { button: '留存备查', title: '留存备查' },
  reopen: { button: '重新核实', title: '重新核实' },
};

function Content({ clue }: { clue: Clue }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      items={[
        { key: 'unit', label: '被巡察单位', children: clue.unitName },
        { key: 'round', label: '巡察轮次', children: clue.roundName },
        { key: 'subject', label: '被反映人', children: clue.subjectName },
        { key: 'post', label: '职务', children: clue.subjectPost },
        { key: 'category', label: '类别', children: clueCategory.labels[clue.category] },
        { key: 'source', label: '来源', children: clueSource.labels[clue.source] },
        { key: 'received', label: '收到日期', children: formatDate(clue.receivedOn) },
        { key: 'status', label: '状态', children: <ClueStatusTag status={clue.status} /> },
        { key: 'by', label: '登记人', children: clue.registeredByName },
        { key: 'handover', label: '移交情况', children: <HandoverCell handover={clue.handover} /> },
        {
          key: 'allegation',
          label: '反映的主要问题',
          span: 2,
          children: <div className="pre-wrap">{clue.allegation}</div>,
        },
        {
          key: 'evidence',
          label: '证据材料',
          span: 2,
          children: <div className="pre-wrap">{clue.evidence ?? '—'}</div>,
        },
      ]}
    />
  );
}

function History({ clueId }: { clueId: string }) {
  const history = useClueHistory(clueId);
  return (
    <QueryBoundary query={history}>
      {({ items }) => (
        <Timeline
          items={items.map((e) => ({
            children: (
              <Space size={12} wrap>
                <span>{e.event === 'register' ? '登记' : clueEventLabel[e.event]}</span>
                <Typography.Text type="secondary">→ {clueStatusLabel[e.toStatus]}</Typography.Text>
                <span>{e.actorName}</span>
                <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
                {e.reason && <Typography.Text>理由：{e.reason}</Typography.Text>}
              </Space>
            ),
          }))}
        />
      )}
    </QueryBoundary>
  );
}

function Actions({ clue }: { clue: Clue }) {
  const [step, setStep] = useState<ClueStep | null>(null);
  const mutation = useApiMutation({
    mutationFn: ({ step, reason }: { step: ClueStep; reason: string }) => moveClue(clue.id, step, reason),
    invalidate: CLUE_KEYS,
    successMessage: ({ step }) => `已${STEP_TEXT[step].button}`,
    onSuccess: () => setStep(null),
  });
  const steps = (['verify', 'shelve', 'reopen'] as const).filter((s) => clue.abilities[s]);
  return (
    <Flex gap={8} wrap>
      {steps.map((s) => (
        <Button key={s} onClick={() => setStep(s)} data-testid={`clue-${s}`}>
          {STEP_TEXT[s].button}
        </Button>
      ))}
      {clue.abilities.revealWhistleblower && <WhistleblowerButton clueId={clue.id} />}
      {step && (
        <TextInputModal
          title={STEP_TEXT[step].title}
          label="理由"
          okText={STEP_TEXT[step].button}
          required
          maxLength={500}
          loading={mutation.isPending}
          testId="clue-step-reason"
          onSubmit={(reason) => mutation.mutate({ step, reason })}
          onClose={() => setStep(null)}
        />
      )}
    </Flex>
  );
}

export function ClueDrawer({ clueId, onClose }: { clueId: string; onClose: () => void }) {
  const clue = useClue(clueId);
  return (
    <Drawer open width={820} onClose={onClose} title={clue.data?.code ?? '问题线索'} data-testid="clue-drawer">
      <QueryBoundary query={clue}>
        {(c) => (
          <Flex vertical gap={16}>
            <Actions clue={c} />
            <Content clue={c} />
            <Divider titlePlacement="start">处置记录</Divider>
            <History clueId={c.id} />
            {c.abilities.grant && <ClueGrants clueId={c.id} />}
          </Flex>
        )}
      </QueryBoundary>
    </Drawer>
  );
}
