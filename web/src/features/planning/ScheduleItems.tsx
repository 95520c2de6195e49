// An inspection's dates and the reason its unit was chosen, asked the same way when it is created,
// batched (一托N) or changed while preparing. The form holds the dates as one range named `dates`.
import { DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';

export function ScheduleItems({
  reasonRows = 3,
  reasonPlaceholder,
}: {
  reasonRows?: number;
  reasonPlaceholder?: string;
}) {
  return (
    <>
      <Form.Item name="dates" label="巡察起止日期" rules={[{ required: true, message: '请选择起止日期' }]}>
        <DatePicker.RangePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="selectionReason"
        label="选定理由"
        rules={[{ required: true, whitespace: true, message: '请填写选定理由' }]}
      >
        <Input.TextArea rows={reasonRows} maxLength={500} showCount placeholder={reasonPlaceholder} />
      </Form.Item>
    </>
  );
}

/** The range picked in `ScheduleItems` as the API's startDate/endDate. */
export function scheduleDates([start, end]: [Dayjs, Dayjs]) {
  return { startDate: start.format('YYYY-MM-DD'), endDate: end.format('YYYY-MM-DD') };
}
