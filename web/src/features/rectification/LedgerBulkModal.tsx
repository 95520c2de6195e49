// Bulk change of the 责任清单 fields for the selected tasks: all-or-nothing on the server.
import type { TaskBulkUpdate } from '@xuncha/contracts';
import { Alert, Form, Input } from 'antd';
import { FormModal } from '../../shared/FormModal.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { bulkUpdateTasks, LEDGER_KEYS } from './ledger-api.ts';

type Values = { responsibleLeader?: string; responsibleDepartment?: string; dueDate?: string };

export function LedgerBulkModal({ ids, onClose, onDone }: { ids: string[]; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const mutation = useApiMutation({
    mutationFn: (body: TaskBulkUpdate) => bulkUpdateTasks(body),
    invalidate: LEDGER_KEYS,
    successMessage: (body) => `已修改 ${body.ids.length} 项任务`,
    form,
    fieldAliases: {
      'set.responsibleLeader': 'responsibleLeader',
      'set.responsibleDepartment': 'responsibleDepartment',
      'set.dueDate': 'dueDate',
    },
    onSuccess: onDone,
  });
  const submit = (values: Values) => {
    const set = Object.fromEntries(Object.entries(values).filter(([, v]) => v?.trim())) as TaskBulkUpdate['set'];
    mutation.mutate({ ids, set });
  };
  return (
    <FormModal title={`批量修改 ${ids.length} 项任务`} form={form} loading={mutation.isPending} onClose={onClose}>
      <Alert
        type="info"
        showIcon
        title="只填写要修改的项；任何一项任务不能修改时，整批都不修改。"
        style={{ marginBottom: 12 }}
      />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="responsibleLeader" label="责任领导">
          <Input maxLength={50} data-testid="bulk-leader" />
        </Form.Item>
        <Form.Item name="responsibleDepartment" label="责任部门">
          <Input maxLength={100} data-testid="bulk-department" />
        </Form.Item>
        <Form.Item
          name="dueDate"
          label="完成时限"
          rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式应为 YYYY-MM-DD' }]}
        >
          <Input placeholder="YYYY-MM-DD" data-testid="bulk-due-date" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
