// Bulk change of the 责任清单 fields for the selected tasks: all-or-nothing on the server.
import type { TaskBulkUpdate } from '@xuncha/contracts';
import { Alert, Form, Input, Select } from 'antd';
import { FormModal } from '../../shared/FormModal.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { bulkUpdateTasks, LEDGER_KEYS } from './ledger-api.ts';
import { useOwnerOptions } from './useOwnerOptions.ts';

type Values = { responsibleLeader?: string; responsibleDepartment?: string; dueDate?: string; ownerUserId?: string };

type Props = {
  ids: string[];
  /** the unit of the selected tasks, whose people may become their 责任人 */
  unitId?: string;
  onClose: () => void;
  onDone: () => void;
};

export function LedgerBulkModal({ ids, unitId, onClose, onDone }: Props) {
  const [form] = Form.useForm<Values>();
  const owners = useOwnerOptions(unitId);
  const mutation = useApiMutation({
    mutationFn: (body: TaskBulkUpdate) => bulkUpdateTasks(body),
    invalidate: LEDGER_KEYS,
    successMessage: (body) => `已修改 ${body.ids.length} 项任务`,
    form,
    fieldAliases: {
      'set.responsibleLeader': 'responsibleLeader',
      'set.responsibleDepartment': 'responsibleDepartment',
      'set.dueDate': 'dueDate',
      'set.ownerUserId': 'ownerUserId',
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
        {unitId && (
          <Form.Item name="ownerUserId" label="责任人">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="不修改"
              loading={owners.loading}
              options={owners.options}
              notFoundContent={owners.loading ? '加载中…' : '该单位暂无可选人员'}
              data-testid="bulk-owner"
            />
          </Form.Item>
        )}
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
