// 提级/交叉巡察: the upper committee (inspection.launch_lower) picks one of its rounds and a lower committee's unit;
// the inspection module creates it with its own rules and the lower office is notified. Every committee with
// linkage.read sees 上级在本地区开展的巡察 — the inspections upper committees run among its units.
import { inspectionPhaseLabel, inspectionType, type LinkageLaunch } from '@xuncha/contracts';
import { Button, DatePicker, Form, Input, Radio, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCan } from '../../app/auth.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { ListError } from '../../shared/ListError.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { useDebounced } from '../../shared/useDebounced.ts';
import { guidanceApi, type UpperRow, useLaunchOptions, useLowerUnits, useUpperInspections } from './api.ts';

type LaunchForm = Omit<LinkageLaunch, 'startDate' | 'endDate'> & { lowerCommitteeId?: string; period: [Dayjs, Dayjs] };

function LaunchModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<LaunchForm>();
  const options = useLaunchOptions(true);
  const lowerCommitteeId = Form.useWatch('lowerCommitteeId', form);
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 300);
  const units = useLowerUnits({ lowerCommitteeId, q: q || undefined, pageSize: 50 });
  const launch = useApiMutation({
    mutationFn: (input: LinkageLaunch) => guidanceApi.launch(input),
    invalidate: [['linkage-upper'], ['linkage-committees']],
    successMessage: '已安排巡察，并已通知下级党委巡察机构',
    form,
    fieldAliases: { startDate: 'period', endDate: 'period' },
    onSuccess: onClose,
  });
  return (
    <FormModal
      form={form}
      loading={launch.isPending}
      onClose={onClose}
      title="发起提级/交叉巡察"
      okText="发起"
      width={640}
    >
      <Form<LaunchForm>
        form={form}
        layout="vertical"
        initialValues={{ type: 'elevated' }}
        data-testid="linkage-launch-form"
        onFinish={({ period, lowerCommitteeId: _lower, ...v }) =>
          launch.mutate({ ...v, startDate: period[0].format('YYYY-MM-DD'), endDate: period[1].format('YYYY-MM-DD') })
        }
      >
        <Form.Item name="type" label="巡察类型">
          <Radio.Group
            options={[
              { value: 'elevated', label: '提级巡察' },
              { value: 'cross', label: '交叉巡察' },
            ]}
          />
        </Form.Item>
        <Form.Item name="roundId" label="本级巡察轮次" rules={[{ required: true, message: '请选择巡察轮次' }]}>
          <Select
            loading={options.isLoading}
            options={options.data?.rounds.map((r) => ({
              value: r.id,
              label: `${r.name}（${r.startDate} 至 ${r.endDate}）`,
            }))}
            data-testid="linkage-launch-round"
          />
        </Form.Item>
        <Form.Item name="lowerCommitteeId" label="下级党委">
          <Select
            allowClear
            placeholder="全部下级党委"
            options={options.data?.lowerCommittees.map((c) => ({ value: c.id, label: c.name }))}
            onChange={() => form.setFieldValue('unitId', undefined)}
            data-testid="linkage-launch-committee"
          />
        </Form.Item>
        <Form.Item name="unitId" label="被巡察单位" rules={[{ required: true, message: '请选择被巡察单位' }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            loading={units.isFetching}
            options={units.data?.items.map((u) => ({ value: u.id, label: `${u.name}（${u.committeeName}）` }))}
            data-testid="linkage-launch-unit"
          />
        </Form.Item>
        <Form.Item name="period" label="巡察时间" rules={[{ required: true, message: '请选择巡察时间' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="selectionReason" label="选定理由" rules={[{ required: true, message: '请填写选定理由' }]}>
          <Input.TextArea rows={3} maxLength={500} data-testid="linkage-launch-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function LaunchTab() {
  const can = useCan();
  const [launching, setLaunching] = useState(false);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const upper = useUpperInspections(paging, can('linkage.read'));
  // a committee with nothing below it has nowhere to launch into
  const options = useLaunchOptions(can('inspection.launch_lower'));
  return (
    <>
      {(options.data?.lowerCommittees.length ?? 0) > 0 && (
        <Button
          type="primary"
          onClick={() => setLaunching(true)}
          style={{ marginBottom: 12 }}
          data-testid="linkage-launch"
        >
          发起提级/交叉巡察
        </Button>
      )}
      <Typography.Title level={5}>上级在本地区开展的巡察</Typography.Title>
      <ListError error={upper.error} />
      <Table<UpperRow>
        rowKey="id"
        size="small"
        data-testid="linkage-upper-inspections"
        loading={upper.isFetching}
        dataSource={upper.data?.items}
        pagination={serverPagination(paging.page, paging.pageSize, upper.data?.total, (page, pageSize) =>
          setPaging({ page, pageSize }),
        )}
        columns={[
          { title: '上级党委', dataIndex: 'fromCommitteeName', width: 150 },
          { title: '轮次', dataIndex: 'roundName' },
          { title: '被巡察单位', dataIndex: 'unitName' },
          { title: '类型', dataIndex: 'type', width: 90, render: (t: UpperRow['type']) => inspectionType.labels[t] },
          { title: '阶段', dataIndex: 'phase', width: 90, render: (p: UpperRow['phase']) => inspectionPhaseLabel[p] },
          { title: '巡察组', dataIndex: 'teamName', width: 140 },
          {
            title: '时间',
            key: 'period',
            width: 200,
            render: (_: unknown, r: UpperRow) => `${r.startDate} 至 ${r.endDate}`,
          },
        ]}
      />
      {launching && <LaunchModal onClose={() => setLaunching(false)} />}
    </>
  );
}
