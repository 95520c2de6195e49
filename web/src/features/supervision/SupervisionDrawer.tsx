import { supervisionEventLabel, supervisionReason, supervisionStatusLabel } from '@xuncha/contracts';
import { Button, DatePicker, Descriptions, Drawer, Flex, Input, Modal, Tag, Timeline } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { type OrderStep, SUPERVISION_KEYS, takeOrderStep, useOrder } from './api.ts';

type Asking = { step: OrderStep['step']; title: string; label: string; required: boolean } | null;

const ASK: Record<OrderStep['step'], Exclude<Asking, null>> = {
  answer: { step: 'answer', title: '答复督办单', label: '答复内容', required: true },
  reject: { step: 'reject', title: '答复不满意，退回继续督办', label: '不满意的理由', required: true },
  close: { step: 'close', title: '办结督办单', label: '办结意见（可不填）', required: false },
  escalate: { step: 'escalate', title: '提级至领导小组', label: '提级理由（可不填）', required: false },
};

function bodyOf(step: OrderStep['step'], text: string, due: Dayjs | null): OrderStep {
  if (step === 'answer') return { step, body: { response: text } };
  if (step === 'reject') return { step, body: { reason: text, responseDue: due?.format('YYYY-MM-DD') } };
  return { step, body: { comment: text || undefined } };
}

const DONE: Record<OrderStep['step'], string> = {
  answer: '已答复督办单',
  reject: '已退回，继续督办',
  close: '督办单已办结',
  escalate: '已提级至领导小组',
};

/** One 督办单: what, by when, the answer, its history, and the steps this user may take. */
export function SupervisionDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const order = useOrder(id);
  const [asking, setAsking] = useState<Asking>(null);
  const [text, setText] = useState('');
  const [due, setDue] = useState<Dayjs | null>(null);
  const step = useApiMutation({
    mutationFn: (action: OrderStep) => takeOrderStep(id, action),
    invalidate: SUPERVISION_KEYS,
    successMessage: (action) => DONE[action.step],
    onSuccess: () => setAsking(null),
  });
  const open = (s: OrderStep['step']) => {
    setText('');
    setDue(null);
    setAsking(ASK[s]);
  };
  return (
    <Drawer open width={640} title={order.data?.code ?? '督办单'} onClose={onClose} data-testid="supervision-drawer">
      <QueryBoundary query={order}>
        {(o) => (
          <>
            <Flex gap={8} wrap style={{ marginBottom: 16 }}>
              {o.abilities.answer && (
                <Button type="primary" onClick={() => open('answer')} data-testid="supervision-answer">
                  答复
                </Button>
              )}
              {o.abilities.close && (
                <Button type="primary" onClick={() => open('close')} data-testid="supervision-close">
                  办结
                </Button>
              )}
              {o.abilities.reject && (
                <Button danger onClick={() => open('reject')} data-testid="supervision-reject">
                  不满意，退回
                </Button>
              )}
              {o.abilities.escalate && (
                <Button danger onClick={() => open('escalate')} data-testid="supervision-escalate">
                  提级督办
                </Button>
              )}
              {o.abilities.document && (
                <ExportButton
                  path={`/api/supervision-orders/${id}/document`}
                  label="督办通知单"
                  testId="supervision-document"
                />
              )}
            </Flex>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label="被督办单位">{o.unitName}</Descriptions.Item>
              <Descriptions.Item label="督办任务">{o.taskTitle ?? '（整体督办）'}</Descriptions.Item>
              <Descriptions.Item label="督办事由">{supervisionReason.labels[o.reason]}</Descriptions.Item>
              <Descriptions.Item label="督办事项">{o.content}</Descriptions.Item>
              <Descriptions.Item label="答复期限">
                {formatDate(o.responseDue)} {o.answerOverdue && <Tag color="red">逾期 {o.overdueDays} 天未答复</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label="状态">{supervisionStatusLabel[o.status]}</Descriptions.Item>
              <Descriptions.Item label="答复">{o.response ?? '—'}</Descriptions.Item>
            </Descriptions>
            <Timeline
              style={{ marginTop: 24 }}
              items={o.history.map((e) => ({
                children: `${formatDateTime(e.at)} ${e.actorName ?? '系统'} ${
                  e.event === 'issue' ? '下发' : supervisionEventLabel[e.event]
                }${e.comment ? `：${e.comment}` : ''}`,
              }))}
            />
          </>
        )}
      </QueryBoundary>
      {asking && (
        <Modal
          open
          title={asking.title}
          onCancel={() => setAsking(null)}
          confirmLoading={step.isPending}
          okButtonProps={{
            disabled: asking.required && text.trim() === '',
            ...({ 'data-testid': 'supervision-step-ok' } as object),
          }}
          onOk={() => step.mutate(bodyOf(asking.step, text, due))}
        >
          <Input.TextArea
            rows={4}
            placeholder={asking.label}
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="supervision-step-text"
          />
          {asking.step === 'reject' && (
            <DatePicker
              style={{ marginTop: 12, width: '100%' }}
              placeholder="新的答复期限（默认 10 个工作日）"
              value={due}
              onChange={setDue}
            />
          )}
        </Modal>
      )}
    </Drawer>
  );
}
