// 对账销号 / 阶段性完成: the reviewer ticks which evidence was checked and confirms each item; what was
// checked is stored with the event, because closing is verification, not self-declaration.
import { Checkbox, Form, Input } from 'antd';
import type { TaskDetail } from '../../app/types.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { LEDGER_KEYS, verifyTask, verifyTaskPartly } from './ledger-api.ts';

type Values = {
  checkedEvidenceIds: string[];
  evidenceMatches: boolean;
  measuresDone: boolean;
  institutionBuilt?: boolean;
  moneyRecovered?: boolean;
  nextCheckpoint?: string;
  comment?: string;
};

const mustTick = (message: string) => ({
  validator: (_: unknown, v: boolean) => (v ? Promise.resolve() : Promise.reject(new Error(message))),
});

export function VerifyModal({ task, partly, onClose }: { task: TaskDetail; partly: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const mutation = useApiMutation({
    mutationFn: (v: Values) => {
      const body = {
        checkedEvidenceIds: v.checkedEvidenceIds,
        items: {
          evidenceMatches: true as const,
          measuresDone: true as const,
          ...(hasKind('institution') ? { institutionBuilt: Boolean(v.institutionBuilt) } : {}),
          ...(hasKind('money') ? { moneyRecovered: Boolean(v.moneyRecovered) } : {}),
        },
        comment: v.comment || undefined,
      };
      return partly
        ? verifyTaskPartly(task.id, { ...body, nextCheckpoint: v.nextCheckpoint ?? '' })
        : verifyTask(task.id, body);
    },
    invalidate: LEDGER_KEYS,
    successMessage: partly ? '已确认阶段性完成' : '已对账销号',
    form,
    onSuccess: onClose,
  });
  const hasKind = (kind: string) => task.evidence.some((e) => e.kind === kind);
  return (
    <FormModal
      title={partly ? '阶段性完成' : '对账销号'}
      okText={partly ? '确认阶段性完成' : '确认销号'}
      form={form}
      loading={mutation.isPending}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ checkedEvidenceIds: task.evidence.map((e) => e.id) }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Form.Item
          name="checkedEvidenceIds"
          label="已核对的佐证材料"
          rules={[{ required: true, message: '请至少核对一份佐证材料' }]}
        >
          <Checkbox.Group
            options={task.evidence.map((e) => ({ value: e.id, label: e.description }))}
            data-testid="verify-evidence"
          />
        </Form.Item>
        <Form.Item name="evidenceMatches" valuePropName="checked" rules={[mustTick('请确认佐证材料与整改措施相符')]}>
          <Checkbox data-testid="verify-evidence-matches">佐证材料与整改措施相符</Checkbox>
        </Form.Item>
        <Form.Item name="measuresDone" valuePropName="checked" rules={[mustTick('请确认整改措施已落实')]}>
          <Checkbox data-testid="verify-measures-done">整改措施已落实到位</Checkbox>
        </Form.Item>
        {hasKind('institution') && (
          <Form.Item name="institutionBuilt" valuePropName="checked" rules={[mustTick('请确认制度已建立并印发施行')]}>
            <Checkbox>制度已建立并印发施行</Checkbox>
          </Form.Item>
        )}
        {hasKind('money') && (
          <Form.Item name="moneyRecovered" valuePropName="checked" rules={[mustTick('请确认资金已实际追缴到位')]}>
            <Checkbox>资金已实际追缴到位</Checkbox>
          </Form.Item>
        )}
        {partly && (
          <Form.Item
            name="nextCheckpoint"
            label="下次检查时间"
            rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '请填写下次检查时间（YYYY-MM-DD）' }]}
          >
            <Input placeholder="YYYY-MM-DD" data-testid="verify-next-checkpoint" />
          </Form.Item>
        )}
        <Form.Item name="comment" label="意见">
          <Input.TextArea maxLength={1000} rows={3} data-testid="task-verify-comment" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
