import { clueCategory, clueSource, fieldworkKind } from '@xuncha/contracts';
import { Alert, DatePicker, Form, Input, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '../../shared/FormModal.tsx';
import { formatDate } from '../../shared/format.ts';
import { optionsOf } from '../../shared/options.ts';
import { todayInShanghai } from '../../shared/today.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { CLUE_KEYS, type ClueCreateBody, createClue, useSourceRecords } from './api.ts';

type Values = Omit<ClueCreateBody, 'receivedOn' | 'whistleblower'> & {
  receivedOn: Dayjs;
  hasWhistleblower: boolean;
  whistleblower?: { name: string; contact?: string; note?: string };
};

/** 登记问题线索: content and the whistleblower are sealed on the server the moment they arrive. */
export function ClueFormModal({ inspectionId, onClose }: { inspectionId: string; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const records = useSourceRecords(inspectionId);
  const hasWhistleblower = Form.useWatch('hasWhistleblower', form);
  const mutation = useApiMutation({
    mutationFn: ({ receivedOn, hasWhistleblower, whistleblower, ...rest }: Values) =>
      createClue(inspectionId, {
        ...rest,
        receivedOn: receivedOn.format('YYYY-MM-DD'),
        ...(hasWhistleblower && whistleblower ? { whistleblower } : {}),
      }),
    invalidate: CLUE_KEYS,
    successMessage: '问题线索已登记',
    form,
    onSuccess: onClose,
  });
  const recordOptions = (records.data?.items ?? []).map((r) => ({
    value: r.id,
    label: `${fieldworkKind.labels[r.kind]} · ${r.title}（${formatDate(r.occurredOn)}）`,
  }));
  return (
    <FormModal
      form={form}
      loading={mutation.isPending}
      onClose={onClose}
      title="登记问题线索"
      okText="登记"
      width={720}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="线索内容和反映人信息加密保存，仅组长、巡察办主任及经授权人员可以查看。"
      />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ receivedOn: todayInShanghai(), hasWhistleblower: false }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Form.Item
          name="subjectName"
          label="被反映人姓名"
          rules={[{ required: true, whitespace: true, message: '请填写被反映人姓名' }]}
        >
          <Input maxLength={50} data-testid="clue-subject-name" />
        </Form.Item>
        <Form.Item
          name="subjectPost"
          label="被反映人职务"
          rules={[{ required: true, whitespace: true, message: '请填写被反映人职务' }]}
        >
          <Input maxLength={100} data-testid="clue-subject-post" />
        </Form.Item>
        <Form.Item name="category" label="线索类别" rules={[{ required: true, message: '请选择线索类别' }]}>
          <Select options={optionsOf(clueCategory.labels)} data-testid="clue-category" />
        </Form.Item>
        <Form.Item name="source" label="线索来源" rules={[{ required: true, message: '请选择线索来源' }]}>
          <Select options={optionsOf(clueSource.labels)} data-testid="clue-source" />
        </Form.Item>
        <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true, message: '请选择收到日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(todayInShanghai(), 'day')} />
        </Form.Item>
        <Form.Item name="sourceRecordId" label="来源记录（了解情况）">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="可选：来自哪次谈话、来信或走访"
            loading={records.isPending}
            options={recordOptions}
            notFoundContent={records.isError ? '了解情况记录暂不可用' : '暂无记录'}
            data-testid="clue-source-record"
          />
        </Form.Item>
        <Form.Item
          name="allegation"
          label="反映的主要问题"
          rules={[{ required: true, whitespace: true, message: '请填写反映的主要问题' }]}
        >
          <Input.TextArea rows={5} maxLength={10000} showCount data-testid="clue-allegation" />
        </Form.Item>
        <Form.Item name="evidence" label="证据材料">
          <Input.TextArea rows={3} maxLength={10000} showCount />
        </Form.Item>
        <Form.Item name="hasWhistleblower" label="登记反映人（实名反映时）" valuePropName="checked">
          <Switch data-testid="clue-has-whistleblower" />
        </Form.Item>
        {hasWhistleblower && (
          <>
            <Form.Item
              name={['whistleblower', 'name']}
              label="反映人姓名"
              rules={[{ required: true, whitespace: true, message: '请填写反映人姓名' }]}
            >
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name={['whistleblower', 'contact']} label="联系方式">
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name={['whistleblower', 'note']} label="反映人备注">
              <Input maxLength={500} />
            </Form.Item>
          </>
        )}
      </Form>
    </FormModal>
  );
}
