import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../shared/FormModal.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { type Announcement, saveAnnouncement } from './api.ts';

type Values = {
  period?: [Dayjs, Dayjs];
  phone?: string;
  mailbox?: string;
  address?: string;
  email?: string;
  receptionHours?: string;
};

const optional = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** 编辑巡察公告: a draft may be saved incomplete; publishing needs every required field. */
export function AnnouncementFormModal({
  announcement: a,
  onClose,
}: {
  announcement: Announcement;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const mutation = useApiMutation({
    mutationFn: ({ period, ...v }: Values) =>
      saveAnnouncement(a.inspectionId, {
        periodStart: period ? period[0].format('YYYY-MM-DD') : null,
        periodEnd: period ? period[1].format('YYYY-MM-DD') : null,
        phone: optional(v.phone),
        mailbox: optional(v.mailbox),
        address: optional(v.address),
        email: optional(v.email),
        receptionHours: optional(v.receptionHours),
      }),
    invalidate: [['announcement']],
    successMessage: '巡察公告已保存',
    form,
    fieldAliases: { periodStart: 'period', periodEnd: 'period' },
    onSuccess: onClose,
  });
  const initial: Values = {
    ...(a.periodStart && a.periodEnd ? { period: [dayjs(a.periodStart), dayjs(a.periodEnd)] } : {}),
    phone: a.phone ?? undefined,
    mailbox: a.mailbox ?? undefined,
    address: a.address ?? undefined,
    email: a.email ?? undefined,
    receptionHours: a.receptionHours ?? '工作日 8:30—12:00，14:30—17:30',
  };
  return (
    <FormModal form={form} loading={mutation.isPending} onClose={onClose} title="编辑巡察公告" width={640}>
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => mutation.mutate(v)}>
        <Form.Item name="period" label="公告期限（巡察期间）">
          <DatePicker.RangePicker style={{ width: '100%' }} data-testid="announcement-period" />
        </Form.Item>
        <Form.Item name="phone" label="联系电话">
          <Input maxLength={30} placeholder="如：0571-86001234" data-testid="announcement-phone" />
        </Form.Item>
        <Form.Item name="mailbox" label="邮政信箱">
          <Input maxLength={100} placeholder="如：城关区邮政 A018 号信箱" data-testid="announcement-mailbox" />
        </Form.Item>
        <Form.Item name="address" label="接待地点">
          <Input maxLength={200} data-testid="announcement-address" />
        </Form.Item>
        <Form.Item name="receptionHours" label="接待时间">
          <Input maxLength={100} data-testid="announcement-hours" />
        </Form.Item>
        <Form.Item name="email" label="电子邮箱（选填）">
          <Input maxLength={100} data-testid="announcement-email" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
