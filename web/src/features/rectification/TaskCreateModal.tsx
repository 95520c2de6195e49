import { Col, DatePicker, Form, Input, Row, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Finding, TaskCreateBody } from '../../app/types.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { useUnitPeople } from '../org/api.ts';
import { createTask, TASK_RELATED_KEYS } from './api.ts';

type Values = Omit<TaskCreateBody, 'dueDate'> & { dueDate: Dayjs };
/** All the modal needs of a finding: it is opened from the finding's page and from the 三张清单 grid. */
export type NewTaskFinding = Pick<Finding, 'id' | 'unitId'>;

/** 分解整改任务: one row of the 任务清单 with its 责任清单 (leader, department, owner, deadline). */
export function TaskCreateModal({ finding, onClose }: { finding: NewTaskFinding; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const people = useUnitPeople(finding.unitId);
  const mutation = useApiMutation({
    mutationFn: (body: TaskCreateBody) => createTask(finding.id, body),
    // the grid and the plan's 未分解 notice change with every new task
    invalidate: [...TASK_RELATED_KEYS, ['task-lists'], ['rectification-plan']],
    successMessage: '整改任务已创建',
    form,
    onSuccess: onClose,
  });

  const onFinish = ({ dueDate, ...rest }: Values) =>
    mutation.mutate({ ...rest, dueDate: dueDate.format('YYYY-MM-DD') });

  return (
    <FormModal form={form} loading={mutation.isPending} onClose={onClose} width={720} title="分解整改任务">
      <Form<Values> form={form} layout="vertical" initialValues={{ longTerm: false }} onFinish={onFinish}>
        <Form.Item
          name="title"
          label="整改任务"
          rules={[{ required: true, whitespace: true, message: '请填写整改任务' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="measures"
          label="整改措施"
          rules={[{ required: true, whitespace: true, message: '请填写整改措施' }]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="responsibleLeader"
              label="责任领导"
              rules={[{ required: true, whitespace: true, message: '请填写责任领导' }]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="responsibleDepartment"
              label="责任部门"
              rules={[{ required: true, whitespace: true, message: '请填写责任部门' }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="ownerUserId" label="责任人" rules={[{ required: true, message: '请选择责任人' }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={people.isFetching}
                options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: p.displayName }))}
                notFoundContent={people.isFetching ? '加载中…' : '该单位暂无可选人员'}
                data-testid="task-owner-select"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="dueDate" label="完成时限" rules={[{ required: true, message: '请选择完成时限' }]}>
              <DatePicker style={{ width: '100%' }} data-testid="task-due-date" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="longTerm" label="长期坚持" valuePropName="checked" extra="需常态化坚持的任务可阶段性销号">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormModal>
  );
}
