import { UploadOutlined } from '@ant-design/icons';
import { evidenceKind } from '@xuncha/contracts';
import { App, Button, Col, Form, Input, InputNumber, Row, Select, Upload, type UploadFile } from 'antd';
import type { Evidence } from '../../app/types.ts';
import { optionsOf } from '../../shared/options.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { uploadEvidence } from './api.ts';

type Values = {
  kind: Evidence['kind'];
  description: string;
  amount?: number;
  institutionName?: string;
  institutionDocNo?: string;
  institutionDate?: string;
  personsCount?: number;
  personsNote?: string;
  files?: UploadFile[];
};

// Same limits as the server: checking here saves uploading 20 MB only to have it refused.
const ALLOWED_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'jpg', 'jpeg', 'png', 'ofd'];
const MAX_BYTES = 20 * 1024 * 1024;

function toFormData({ files, ...fields }: Values): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null && value !== '') data.append(name, String(value));
  }
  // The file goes last: multipart readers see the text fields before the (possibly large) file.
  const file = files?.[0]?.originFileObj;
  if (file) data.append('file', file, file.name);
  return data;
}

export function EvidenceUploadForm({ taskId }: { taskId: string }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const mutation = useApiMutation({
    mutationFn: (values: Values) => uploadEvidence(taskId, toFormData(values)),
    invalidate: [['task', taskId], ['tasks']],
    successMessage: '佐证材料已上传',
    form,
    onSuccess: () => form.resetFields(),
  });

  const checkFile = (file: File) => {
    const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
    if (!ALLOWED_EXTENSIONS.includes(extension)) {
      message.error(`不支持的文件类型，仅限 ${ALLOWED_EXTENSIONS.join('、')}`);
      return Upload.LIST_IGNORE;
    }
    if (file.size > MAX_BYTES) {
      message.error('文件不能超过 20 MB');
      return Upload.LIST_IGNORE;
    }
    return false; // keep the file in the form; it is sent with the other fields on submit
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)}>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="kind" label="材料类别" rules={[{ required: true, message: '请选择材料类别' }]}>
            <Select options={optionsOf(evidenceKind.labels)} placeholder="请选择" data-testid="evidence-kind" />
          </Form.Item>
        </Col>
        <Col xs={24} md={kind === 'money' ? 8 : 16}>
          <Form.Item
            name="description"
            label="材料说明"
            rules={[{ required: true, whitespace: true, message: '请填写材料说明' }]}
          >
            <Input maxLength={500} data-testid="evidence-description" />
          </Form.Item>
        </Col>
        {kind === 'money' && (
          <Col xs={24} md={8}>
            <Form.Item name="amount" label="金额（元）" rules={[{ required: true, message: '请填写挽回/追缴金额' }]}>
              <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="evidence-amount" />
            </Form.Item>
          </Col>
        )}
        {kind === 'institution' && (
          <>
            <Col xs={24} md={10}>
              <Form.Item
                name="institutionName"
                label="制度名称"
                rules={[{ required: true, whitespace: true, message: '请填写制度名称' }]}
              >
                <Input maxLength={200} data-testid="evidence-institution-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={7}>
              <Form.Item
                name="institutionDocNo"
                label="文号"
                rules={[{ required: true, whitespace: true, message: '请填写文号' }]}
              >
                <Input maxLength={100} data-testid="evidence-institution-doc-no" />
              </Form.Item>
            </Col>
            <Col xs={24} md={7}>
              <Form.Item
                name="institutionDate"
                label="印发日期"
                rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '请填写印发日期（YYYY-MM-DD）' }]}
              >
                <Input placeholder="YYYY-MM-DD" data-testid="evidence-institution-date" />
              </Form.Item>
            </Col>
          </>
        )}
        {kind === 'person' && (
          <>
            <Col xs={24} md={8}>
              <Form.Item name="personsCount" label="处理人数" rules={[{ required: true, message: '请填写处理人数' }]}>
                <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="evidence-persons-count" />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name="personsNote" label="处理情况">
                <Input maxLength={1000} data-testid="evidence-persons-note" />
              </Form.Item>
            </Col>
          </>
        )}
      </Row>
      <Form.Item
        name="files"
        label="附件"
        valuePropName="fileList"
        getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
        extra="支持 PDF、Word、Excel、JPG、PNG、OFD，单个文件不超过 20 MB"
      >
        <Upload beforeUpload={checkFile} maxCount={1} accept={ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(',')}>
          <Button icon={<UploadOutlined />} data-testid="evidence-file">
            选择文件
          </Button>
        </Upload>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="evidence-upload-submit">
        上传佐证材料
      </Button>
    </Form>
  );
}
