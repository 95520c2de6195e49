// 群众举报/意见 (DOMAIN.md §7): anyone, without an account, picks an inspection in its 进驻期, writes what they
// want the team to know — anonymously if they wish — and gets a receipt code, shown once.
import { UploadOutlined } from '@ant-design/icons';
import { PUBLIC_REPORT_MAX_FILES, publicReportKind } from '@xuncha/contracts';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, Radio, Switch, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { formatDate } from '../../shared/format.ts';
import { optionsOf } from '../../shared/options.ts';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { fileReport, type PublicReportReceipt, type PublicReportTarget, useTargets } from './api.ts';
import { PublicLayout } from './PublicLayout.tsx';
import { ReceiptCard } from './ReceiptCard.tsx';

type Values = {
  inspectionId: string;
  kind: string;
  text: string;
  anonymous: boolean;
  contactName?: string;
  contactPhone?: string;
};

function TargetCard({ target }: { target: PublicReportTarget }) {
  const contact = target.contact;
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'team', label: '巡察组', children: target.teamName },
        {
          key: 'period',
          label: '进驻时间',
          children: `${formatDate(target.periodStart)} 至 ${formatDate(target.periodEnd)}`,
        },
        ...(contact
          ? [
              { key: 'phone', label: '联系电话', children: contact.phone ?? '—' },
              { key: 'mailbox', label: '邮政信箱', children: contact.mailbox ?? '—' },
              { key: 'hours', label: '接待时间', children: contact.receptionHours ?? '—' },
            ]
          : []),
      ]}
    />
  );
}

function toFormData(values: Values, files: UploadFile[]): FormData {
  const form = new FormData();
  form.set('inspectionId', values.inspectionId);
  form.set('kind', values.kind);
  form.set('text', values.text ?? '');
  form.set('anonymous', String(values.anonymous));
  if (!values.anonymous) {
    form.set('contactName', values.contactName ?? '');
    form.set('contactPhone', values.contactPhone ?? '');
  }
  for (const file of files) if (file.originFileObj) form.append('files', file.originFileObj, file.name);
  return form;
}

export function PublicReportPage() {
  const targets = useTargets();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [receipt, setReceipt] = useState<PublicReportReceipt | null>(null);
  const anonymous = Form.useWatch('anonymous', form);
  const inspectionId = Form.useWatch('inspectionId', form);
  const submit = useApiMutation({
    mutationFn: (values: Values) => fileReport(toFormData(values, files)),
    form,
    onSuccess: setReceipt,
  });
  if (receipt)
    return (
      <PublicLayout title="群众举报和意见">
        <Card>
          <ReceiptCard receipt={receipt} />
        </Card>
      </PublicLayout>
    );
  return (
    <PublicLayout title="群众举报和意见">
      <QueryBoundary query={targets}>
        {({ items }) =>
          items.length === 0 ? (
            <Card>
              <Empty description="目前没有处于进驻期的巡察组，暂不受理网上反映" />
            </Card>
          ) : (
            <Card>
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title="您可以向正在进驻的巡察组反映问题或提出意见建议，可以匿名。反映内容加密保存，仅巡察组组长和经授权的人员可以查看。"
              />
              <Form
                form={form}
                layout="vertical"
                initialValues={{ kind: 'report', anonymous: false }}
                onFinish={(v) => submit.mutate(v)}
              >
                <Form.Item name="inspectionId" label="反映给" rules={[{ required: true, message: '请选择巡察组' }]}>
                  <Radio.Group
                    data-testid="target-select"
                    options={items.map((t) => ({ value: t.id, label: `${t.teamName}（巡察${t.unitName}）` }))}
                  />
                </Form.Item>
                {items
                  .filter((t) => t.id === inspectionId)
                  .map((t) => (
                    <TargetCard key={t.id} target={t} />
                  ))}
                <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
                  <Radio.Group optionType="button" options={optionsOf(publicReportKind.labels)} />
                </Form.Item>
                <Form.Item
                  name="text"
                  label="反映内容"
                  rules={[{ required: true, min: 10, message: '反映内容至少 10 个字' }]}
                >
                  <Input.TextArea
                    rows={8}
                    maxLength={5000}
                    showCount
                    placeholder="请写明被反映人或单位、主要问题和线索（时间、地点、经过），便于核实"
                  />
                </Form.Item>
                <Form.Item label="附件（最多 3 个：图片、PDF、Word、Excel，每个不超过 10 MB）">
                  <Upload
                    multiple
                    maxCount={PUBLIC_REPORT_MAX_FILES}
                    fileList={files}
                    beforeUpload={() => false}
                    onChange={({ fileList }) => setFiles(fileList)}
                    accept=".jpg,.jpeg,.png,.pdf,.doc,.docx,.xls,.xlsx,.ofd"
                  >
                    <Button icon={<UploadOutlined />}>选择文件</Button>
                  </Upload>
                </Form.Item>
                <Form.Item name="anonymous" label="匿名反映" valuePropName="checked">
                  <Switch checkedChildren="匿名" unCheckedChildren="实名" data-testid="anonymous-switch" />
                </Form.Item>
                {!anonymous && (
                  <>
                    <Form.Item name="contactName" label="联系人姓名">
                      <Input maxLength={50} />
                    </Form.Item>
                    <Form.Item name="contactPhone" label="联系电话">
                      <Input maxLength={30} />
                    </Form.Item>
                  </>
                )}
                <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="submit-report">
                  提交
                </Button>
              </Form>
            </Card>
          )
        }
      </QueryBoundary>
    </PublicLayout>
  );
}
