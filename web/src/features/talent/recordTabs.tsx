// What each record tab of the cadre's file shows and asks for.
import { relationLabel } from '@xuncha/contracts';
import { DatePicker, Form, Input, InputNumber, Select, Switch, type TableColumnsType, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { formatDate } from '../../shared/format.ts';
import { optionsOf } from '../../shared/options.ts';
import type { RecordRow } from './RecordTab.tsx';
import { UnitSelect } from './UnitSelect.tsx';

const date = (v: unknown) => formatDate(v as string | null);
const required = (message: string) => [{ required: true, message }];

/** Converts the named date fields between 'YYYY-MM-DD' and dayjs for the DatePickers. */
export function dateFields(...names: string[]) {
  return {
    toForm: (row: RecordRow) => ({
      ...row,
      ...Object.fromEntries(names.map((n) => [n, row[n] ? dayjs(row[n] as string) : undefined])),
    }),
    fromForm: (values: Record<string, unknown>) => ({
      ...values,
      ...Object.fromEntries(names.map((n) => [n, (values[n] as Dayjs | undefined)?.format('YYYY-MM-DD')])),
    }),
  };
}

const textItem = (name: string, label: string, maxLength: number, must = true) => (
  <Form.Item name={name} label={label} rules={must ? required(`请填写${label}`) : []}>
    <Input maxLength={maxLength} />
  </Form.Item>
);

const dateItem = (name: string, label: string, must = true) => (
  <Form.Item name={name} label={label} rules={must ? required(`请选择${label}`) : []}>
    <DatePicker style={{ width: '100%' }} />
  </Form.Item>
);

export const availabilityTab = {
  columns: [
    { title: '开始', dataIndex: 'startDate', render: date },
    { title: '结束', dataIndex: 'endDate', render: date },
    {
      title: '类型',
      dataIndex: 'available',
      render: (a: boolean) => (a ? <Tag color="green">可抽调</Tag> : <Tag color="red">不可抽调</Tag>),
    },
    { title: '说明', dataIndex: 'note' },
  ] as TableColumnsType<RecordRow>,
  fields: (
    <>
      {dateItem('startDate', '开始日期')}
      {dateItem('endDate', '结束日期')}
      <Form.Item name="available" label="可抽调" valuePropName="checked" initialValue>
        <Switch checkedChildren="可抽调" unCheckedChildren="不可抽调" />
      </Form.Item>
      {textItem('note', '说明', 200, false)}
    </>
  ),
  ...dateFields('startDate', 'endDate'),
};

const unitItems = (label: string) => (
  <>
    <Form.Item name="unitId" label={`${label}（本级单位）`} extra="回避审查按本级单位比对；树外单位请只填名称">
      <UnitSelect />
    </Form.Item>
    <Form.Item name="unitName" label={`${label}名称（树外单位）`}>
      <Input maxLength={100} />
    </Form.Item>
  </>
);

export const pastPostTab = {
  columns: [
    { title: '单位', dataIndex: 'unitName' },
    { title: '职务', dataIndex: 'post' },
    { title: '起', dataIndex: 'startDate', render: date },
    { title: '止', dataIndex: 'endDate', render: (v: string | null) => (v ? formatDate(v) : '至今') },
  ] as TableColumnsType<RecordRow>,
  fields: (
    <>
      {unitItems('单位')}
      {textItem('post', '职务', 50)}
      {dateItem('startDate', '任职开始', false)}
      {dateItem('endDate', '离任日期', false)}
    </>
  ),
  ...dateFields('startDate', 'endDate'),
};

export const relativeTab = {
  columns: [
    { title: '姓名', dataIndex: 'name' },
    { title: '关系', dataIndex: 'relation', render: (r: keyof typeof relationLabel) => relationLabel[r] },
    { title: '工作单位', dataIndex: 'unitName' },
    { title: '职务', dataIndex: 'post' },
    { title: '领导班子成员', dataIndex: 'isLeader', render: (v: boolean) => (v ? <Tag color="orange">是</Tag> : '否') },
  ] as TableColumnsType<RecordRow>,
  fields: (
    <>
      {textItem('name', '亲属姓名', 30)}
      <Form.Item name="relation" label="关系" rules={required('请选择关系')}>
        <Select options={optionsOf(relationLabel)} />
      </Form.Item>
      {unitItems('工作单位')}
      {textItem('post', '职务', 50)}
      <Form.Item name="isLeader" label="是否领导班子成员" valuePropName="checked">
        <Switch />
      </Form.Item>
    </>
  ),
};

export const trainingTab = {
  columns: [
    { title: '培训名称', dataIndex: 'title' },
    { title: '主办单位', dataIndex: 'organizer' },
    { title: '开始', dataIndex: 'startDate', render: date },
    { title: '结束', dataIndex: 'endDate', render: date },
    { title: '学时', dataIndex: 'hours' },
  ] as TableColumnsType<RecordRow>,
  fields: (
    <>
      {textItem('title', '培训名称', 100)}
      {textItem('organizer', '主办单位', 100)}
      {dateItem('startDate', '开始日期')}
      {dateItem('endDate', '结束日期')}
      <Form.Item name="hours" label="学时">
        <InputNumber min={0} max={2000} style={{ width: '100%' }} />
      </Form.Item>
    </>
  ),
  ...dateFields('startDate', 'endDate'),
};

export const commendationTab = {
  columns: [
    { title: '表彰名称', dataIndex: 'title' },
    { title: '授予单位', dataIndex: 'grantor' },
    { title: '授予日期', dataIndex: 'grantedOn', render: date },
    { title: '备注', dataIndex: 'note' },
  ] as TableColumnsType<RecordRow>,
  fields: (
    <>
      {textItem('title', '表彰名称', 100)}
      {textItem('grantor', '授予单位', 100)}
      {dateItem('grantedOn', '授予日期')}
      {textItem('note', '备注', 200, false)}
    </>
  ),
  ...dateFields('grantedOn'),
};
