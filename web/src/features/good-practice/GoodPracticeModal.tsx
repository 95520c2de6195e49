import { area } from '@xuncha/contracts';
import { Checkbox, Form, Input, Select } from 'antd';
import { FormModal } from '../../shared/FormModal.tsx';
import { optionsOf } from '../../shared/options.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { createGoodPractice, type GoodPractice, type GoodPracticeCreateBody, updateGoodPractice } from './api.ts';

type Props =
  | { inspectionId: string; practice?: undefined; onClose: () => void }
  | { inspectionId?: undefined; practice: GoodPractice; onClose: () => void };

/** Records a 经验做法 of an inspection, or edits one. */
export function GoodPracticeModal({ inspectionId, practice, onClose }: Props) {
  const [form] = Form.useForm<GoodPracticeCreateBody>();
  const mutation = useApiMutation({
    mutationFn: (body: GoodPracticeCreateBody) =>
      practice ? updateGoodPractice(practice.id, body) : createGoodPractice(inspectionId, body),
    invalidate: [['good-practices']],
    successMessage: practice ? '经验做法已修改' : '经验做法已记录',
    form,
    onSuccess: onClose,
  });
  const initial = practice
    ? { title: practice.title, content: practice.content, areas: practice.areas, promote: practice.promote }
    : { areas: [], promote: false };
  return (
    <FormModal
      form={form}
      loading={mutation.isPending}
      onClose={onClose}
      width={720}
      title={practice ? '修改经验做法' : '记录经验做法'}
    >
      <Form<GoodPracticeCreateBody>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Form.Item
          name="title"
          label="标题"
          rules={[{ required: true, whitespace: true, message: '请填写经验做法标题' }]}
        >
          <Input maxLength={200} placeholder="如：“校长陪餐”制度" data-testid="practice-title" />
        </Form.Item>
        <Form.Item
          name="content"
          label="经验做法"
          rules={[{ required: true, whitespace: true, message: '请填写经验做法内容' }]}
        >
          <Input.TextArea rows={6} maxLength={10000} showCount placeholder="做法、成效、可推广之处" />
        </Form.Item>
        <Form.Item name="areas" label="领域">
          <Select mode="multiple" options={optionsOf(area.labels)} placeholder="可多选" maxCount={10} />
        </Form.Item>
        <Form.Item name="promote" valuePropName="checked">
          <Checkbox>值得在全区推广</Checkbox>
        </Form.Item>
      </Form>
    </FormModal>
  );
}
