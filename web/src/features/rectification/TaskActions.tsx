import { Button, Space } from 'antd';
import { useState } from 'react';
import type { TaskDetail } from '../../app/types.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { TASK_RELATED_KEYS, type TaskTransition, transitionTask } from './api.ts';
import { TextInputModal } from './TextInputModal.tsx';
import { VerifyModal } from './VerifyModal.tsx';

const successText: Record<TaskTransition['action'], string> = {
  start: '已开始整改',
  submit: '已申请销号，等待对账',
  return: '已退回整改',
};

type Dialog = 'submit' | 'verify' | 'verifyPartly' | 'return' | null;

/** The buttons the server's abilities allow for this task, and the dialogs that collect their text. */
export function TaskActions({ task }: { task: TaskDetail }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const mutation = useApiMutation({
    mutationFn: (transition: TaskTransition) => transitionTask(task.id, transition),
    invalidate: TASK_RELATED_KEYS,
    successMessage: (transition) => successText[transition.action],
    onSuccess: () => setDialog(null),
  });
  const run = (transition: TaskTransition) => mutation.mutate(transition);
  const { abilities } = task;
  const busy = mutation.isPending;

  return (
    <Space wrap>
      {abilities.start && (
        <Button type="primary" loading={busy} onClick={() => run({ action: 'start' })} data-testid="task-start">
          开始整改
        </Button>
      )}
      {abilities.submit && (
        <Button type="primary" onClick={() => setDialog('submit')} data-testid="task-submit">
          申请销号
        </Button>
      )}
      {abilities.verify && (
        <Button type="primary" onClick={() => setDialog('verify')} data-testid="task-verify">
          对账销号
        </Button>
      )}
      {abilities.verifyPartly && (
        <Button onClick={() => setDialog('verifyPartly')} data-testid="task-verify-partly">
          阶段性完成
        </Button>
      )}
      {abilities.return && (
        <Button danger onClick={() => setDialog('return')} data-testid="task-return">
          退回
        </Button>
      )}
      {dialog === 'submit' && (
        <TextInputModal
          title="申请销号"
          label="整改情况说明"
          okText="提交申请"
          required
          maxLength={5000}
          loading={busy}
          testId="task-submit-summary"
          onSubmit={(summary) => run({ action: 'submit', summary })}
          onClose={() => setDialog(null)}
        />
      )}
      {(dialog === 'verify' || dialog === 'verifyPartly') && (
        <VerifyModal task={task} partly={dialog === 'verifyPartly'} onClose={() => setDialog(null)} />
      )}
      {dialog === 'return' && (
        <TextInputModal
          title="退回整改"
          label="退回理由"
          okText="确认退回"
          required
          danger
          maxLength={1000}
          loading={busy}
          testId="task-return-reason"
          onSubmit={(reason) => run({ action: 'return', reason })}
          onClose={() => setDialog(null)}
        />
      )}
    </Space>
  );
}
