import { PLAN_CRITERIA, type PlanCriterion, type PlanReview, planCriterionLabel } from '@xuncha/contracts';
import { Form, Input, Modal, Radio } from 'antd';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { approvePlan, PLANS_KEY, planKey, returnPlan } from './api.ts';

type Criterion = { ok?: boolean; comment?: string };
type Values = Record<PlanCriterion, Criterion> & { text?: string };
type Props = { inspectionId: string; event: 'approve' | 'return'; onClose: () => void };

const review = (v: Values): PlanReview => {
  const one = (c: Criterion) => ({ ok: c.ok === true, comment: c.comment || undefined });
  return { completeness: one(v.completeness), pertinence: one(v.pertinence), feasibility: one(v.feasibility) };
};

/** 巡察办审核: 完整性、针对性、可操作性 each judged with a comment; 退回重来 needs reasons. */
export function PlanReviewModal({ inspectionId, event, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const approving = event === 'approve';
  const mutation = useApiMutation({
    mutationFn: (v: Values) =>
      approving
        ? approvePlan(inspectionId, { review: review(v), comment: v.text || undefined })
        : returnPlan(inspectionId, { review: review(v), reasons: v.text ?? '' }),
    invalidate: [planKey(inspectionId), PLANS_KEY],
    successMessage: approving ? '整改方案已审核通过' : '整改方案已退回重来',
    form,
    fieldAliases: { reasons: 'text', comment: 'text' },
    onSuccess: onClose,
  });
  const initial = Object.fromEntries(PLAN_CRITERIA.map((c) => [c, { ok: approving ? true : undefined }]));
  return (
    <Modal
      open
      title={approving ? '审核通过整改方案' : '退回重来'}
      okText={approving ? '审核通过' : '退回'}
      okButtonProps={{ danger: !approving, loading: mutation.isPending, ...{ 'data-testid': 'plan-review-ok' } }}
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => mutation.mutate(v)}>
        {PLAN_CRITERIA.map((c) => (
          <Form.Item key={c} label={planCriterionLabel[c]} required style={{ marginBottom: 12 }}>
            <Form.Item
              name={[c, 'ok']}
              rules={[
                { required: true, message: `请选择${planCriterionLabel[c]}是否符合要求` },
                ...(approving
                  ? [
                      {
                        validator: (_: unknown, ok: boolean) =>
                          ok ? Promise.resolve() : Promise.reject(new Error('不符合要求的方案请退回重来')),
                      },
                    ]
                  : []),
              ]}
              style={{ marginBottom: 4 }}
            >
              <Radio.Group
                options={[
                  { value: true, label: '符合要求' },
                  { value: false, label: '不符合要求' },
                ]}
                data-testid={`plan-review-${c}`}
              />
            </Form.Item>
            <Form.Item name={[c, 'comment']} style={{ marginBottom: 0 }}>
              <Input placeholder={`${planCriterionLabel[c]}意见（选填）`} maxLength={1000} />
            </Form.Item>
          </Form.Item>
        ))}
        <Form.Item
          name="text"
          label={approving ? '审核意见' : '退回理由'}
          rules={approving ? [] : [{ required: true, whitespace: true, message: '请填写退回理由' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="plan-review-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
