// Turning a cluster into a 举一反三 notice or a 专项巡察 proposal. Title and text may be left blank: the server
// drafts them from the cluster's findings (the office reads them in the lists below before publishing).
import { Form, Input, Radio, Select } from 'antd';
import { FormModal } from '../../shared/FormModal.tsx';
import { type ClusterRow, useCreateNotice, useCreateProposal } from './api.ts';

const blankToUndefined = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

type NoticeForm = { target: 'all' | 'cluster' | 'chosen'; unitIds?: string[]; title?: string; body?: string };

export function NoticeModal({ cluster, onClose }: { cluster: ClusterRow; onClose: () => void }) {
  const [form] = Form.useForm<NoticeForm>();
  const create = useCreateNotice(cluster.id);
  const target = Form.useWatch('target', form);
  return (
    <FormModal
      title={`举一反三通知：${cluster.label}`}
      form={form}
      loading={create.isPending}
      onClose={onClose}
      okText="生成通知草稿"
      width={640}
      data-testid="cp-notice-modal"
    >
      <Form<NoticeForm>
        form={form}
        layout="vertical"
        initialValues={{ target: 'all' }}
        onFinish={(v) =>
          create.mutate(
            { target: v.target, unitIds: v.unitIds, title: blankToUndefined(v.title), body: blankToUndefined(v.body) },
            { onSuccess: onClose },
          )
        }
      >
        <Form.Item name="target" label="通知范围">
          <Radio.Group data-testid="cp-notice-target">
            <Radio value="all">本级全部单位</Radio>
            <Radio value="cluster">存在该问题的 {cluster.unitCount} 个单位</Radio>
            <Radio value="chosen">指定单位</Radio>
          </Radio.Group>
        </Form.Item>
        {target === 'chosen' && (
          <Form.Item name="unitIds" label="指定单位" rules={[{ required: true, message: '请选择通知的单位' }]}>
            <Select mode="multiple" options={cluster.units.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        )}
        <Form.Item name="title" label="通知标题">
          <Input placeholder="留空则按共性问题自动生成" maxLength={100} />
        </Form.Item>
        <Form.Item name="body" label="通知正文">
          <Input.TextArea rows={5} placeholder="留空则列出各单位存在的问题并要求对照自查自纠" maxLength={4000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

type ProposalForm = { title?: string; reason?: string };

export function ProposalModal({ cluster, onClose }: { cluster: ClusterRow; onClose: () => void }) {
  const [form] = Form.useForm<ProposalForm>();
  const create = useCreateProposal(cluster.id);
  return (
    <FormModal
      title={`专项巡察建议：${cluster.label}`}
      form={form}
      loading={create.isPending}
      onClose={onClose}
      okText="提出建议"
      width={640}
      data-testid="cp-proposal-modal"
    >
      <Form<ProposalForm>
        form={form}
        layout="vertical"
        onFinish={(v) =>
          create.mutate(
            { title: blankToUndefined(v.title), reason: blankToUndefined(v.reason) },
            { onSuccess: onClose },
          )
        }
      >
        <Form.Item label="建议巡察单位">{cluster.units.map((u) => u.name).join('、')}</Form.Item>
        <Form.Item name="title" label="建议标题">
          <Input placeholder="留空则按共性问题自动生成" maxLength={100} />
        </Form.Item>
        <Form.Item name="reason" label="建议理由">
          <Input.TextArea rows={5} placeholder="留空则按涉及单位和典型问题自动生成" maxLength={4000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
