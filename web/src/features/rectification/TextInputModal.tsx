import { Form, Input } from 'antd';
import { FormModal } from '../../shared/FormModal.tsx';

type Props = {
  title: string;
  label: string;
  okText: string;
  required: boolean;
  maxLength: number;
  loading: boolean;
  danger?: boolean;
  testId: string;
  onSubmit: (text: string) => void;
  onClose: () => void;
};

/** A modal asking for one piece of text: 整改情况说明, 销号意见, 退回理由. */
export function TextInputModal({
  title,
  label,
  okText,
  required,
  maxLength,
  loading,
  danger,
  testId,
  onSubmit,
  onClose,
}: Props) {
  const [form] = Form.useForm<{ text?: string }>();
  return (
    <FormModal form={form} loading={loading} onClose={onClose} title={title} okText={okText} okButtonProps={{ danger }}>
      <Form form={form} layout="vertical" onFinish={({ text }) => onSubmit(text?.trim() ?? '')}>
        <Form.Item
          name="text"
          label={label}
          rules={required ? [{ required: true, whitespace: true, message: `请填写${label}` }] : []}
        >
          <Input.TextArea rows={5} maxLength={maxLength} showCount data-testid={testId} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
