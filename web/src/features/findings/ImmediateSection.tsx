import { Alert, Col, Form, Input, Row, Select, Spin } from 'antd';
import { useEffect } from 'react';
import { ListError } from '../../shared/ListError.tsx';
import { useImmediateDefaults } from './api.ts';

const roleLabel: Record<string, string> = {
  unit_liaison: '整改联络员',
  unit_head: '主要负责人',
  task_owner: '整改责任人',
};

/**
 * 立行立改 (DOMAIN.md §5): shown when 八项规定/"四风" is ticked. The unit gets a task at once, before the
 * feedback; owner, 责任领导 and 责任部门 default from the unit, the deadline from the committee's time limit.
 */
export function ImmediateSection({ inspectionId }: { inspectionId: string }) {
  const form = Form.useFormInstance();
  const defaults = useImmediateDefaults(inspectionId, true);
  const data = defaults.data;
  useEffect(() => {
    if (data?.defaultOwnerId && !form.getFieldValue(['immediate', 'ownerUserId']))
      form.setFieldValue(['immediate', 'ownerUserId'], data.defaultOwnerId);
  }, [data, form]);
  if (defaults.isPending) return <Spin />;
  return (
    <div style={{ border: '1px solid #ffccc7', borderRadius: 8, padding: '12px 16px', marginBottom: 16 }}>
      <ListError error={defaults.error} />
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={`立行立改：保存后即向被巡察单位下达整改任务，完成时限 ${data?.dueDate ?? '—'}（按时限规定自动计算）`}
      />
      {data && data.owners.length === 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title="该单位尚无整改联络员或主要负责人账号，请先指定责任人"
        />
      )}
      <Form.Item
        name={['immediate', 'requirement']}
        label="整改要求"
        rules={[{ required: true, whitespace: true, message: '请填写立行立改整改要求' }]}
      >
        <Input.TextArea
          rows={3}
          maxLength={2000}
          showCount
          placeholder="如：立即清退违规发放的补贴，对相关责任人批评教育"
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name={['immediate', 'ownerUserId']} label="责任人">
            <Select
              placeholder="默认整改联络员"
              options={(data?.owners ?? []).map((o) => ({
                value: o.id,
                label: `${o.displayName}（${roleLabel[o.role] ?? o.role}）`,
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['immediate', 'responsibleLeader']} label="责任领导">
            <Input maxLength={50} placeholder={data?.responsibleLeader ?? '单位主要负责人'} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['immediate', 'responsibleDepartment']} label="责任部门">
            <Input maxLength={100} placeholder={data?.responsibleDepartment} />
          </Form.Item>
        </Col>
      </Row>
    </div>
  );
}
