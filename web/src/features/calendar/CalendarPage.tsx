// 工作日历: the year at a glance — public holidays (休) and 调休 working weekends (班) marked, working days
// per month counted by the server; the office clicks a day to mark it or to return it to normal.
import { useQuery } from '@tanstack/react-query';
import { type CalendarDay, type CalendarDayKind, type CalendarYear, calendarDayKind } from '@xuncha/contracts';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { ListError } from '../../shared/ListError.tsx';
import { optionsOf } from '../../shared/options.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { MonthGrid } from './MonthGrid.tsx';

type Values = { kind: CalendarDayKind; name: string };
const MONTHS = Array.from({ length: 12 }, (_, month) => month);

function DayModal({ day, current, onClose }: { day: string; current?: CalendarDay; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const save = useApiMutation({
    mutationFn: (v: Values) => api.put<CalendarDay>(`/api/calendar/${day}`, v),
    invalidate: [['calendar']],
    successMessage: '已保存',
    form,
    onSuccess: onClose,
  });
  const reset = useApiMutation({
    mutationFn: () => api.delete(`/api/calendar/${day}`),
    invalidate: [['calendar']],
    successMessage: '已恢复为正常日期',
    onSuccess: onClose,
  });
  const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
  return (
    <FormModal form={form} loading={save.isPending} onClose={onClose} title={`设置 ${day}`}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={current ?? { kind: weekend ? 'workday' : 'holiday', name: '' }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
          <Select data-testid="calendar-kind" options={optionsOf(calendarDayKind.labels)} />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
          <Input data-testid="calendar-name" maxLength={40} placeholder="如：国庆节、春节调休上班" />
        </Form.Item>
        {current && (
          <Button danger data-testid="calendar-reset" loading={reset.isPending} onClick={() => reset.mutate()}>
            恢复为正常日期
          </Button>
        )}
      </Form>
    </FormModal>
  );
}

export function CalendarPage() {
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [editing, setEditing] = useState<string>();
  const calendar = useQuery({
    queryKey: ['calendar', year],
    queryFn: () => api.get<CalendarYear>('/api/calendar', { year }),
  });
  const byDay = new Map((calendar.data?.days ?? []).map((d) => [d.day, d]));
  const total = calendar.data?.workingDays.reduce((a, b) => a + b, 0);
  return (
    <PageContainer
      title="工作日历"
      extra={
        <Space>
          <Button onClick={() => setYear(year - 1)}>上一年</Button>
          <InputNumber
            data-testid="calendar-year"
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
            suffix="年"
          />
          <Button onClick={() => setYear(year + 1)}>下一年</Button>
        </Space>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="按工作日计算的时限（如整改方案 15 个工作日、督办单答复 10 个工作日）按本日历跳过节假日、计入调休上班日。每年国务院办公厅公布次年节假日安排后请及时维护。"
      />
      <ListError error={calendar.error} />
      <Space style={{ marginBottom: 12 }}>
        <Tag color="red">休 法定节假日</Tag>
        <Tag color="blue">班 调休上班</Tag>
        {total !== undefined && <Typography.Text data-testid="calendar-total">全年工作日 {total} 天</Typography.Text>}
        {calendar.data?.canManage && <Typography.Text type="secondary">点击日期可设置</Typography.Text>}
      </Space>
      <Row gutter={[16, 16]} data-testid="calendar-year-view">
        {MONTHS.map((month) => (
          <Col key={`month-${month}`} xs={24} sm={12} lg={8} xxl={6}>
            <Card
              size="small"
              loading={calendar.isLoading}
              title={`${month + 1} 月`}
              extra={calendar.data && `工作日 ${calendar.data.workingDays[month]} 天`}
            >
              <MonthGrid
                year={year}
                month={month}
                byDay={byDay}
                onPick={calendar.data?.canManage ? setEditing : undefined}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {editing && <DayModal day={editing} current={byDay.get(editing)} onClose={() => setEditing(undefined)} />}
    </PageContainer>
  );
}
