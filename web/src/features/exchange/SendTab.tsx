// 本级报送: the deployment's public key and fingerprint (to give upstream out of band), exporting a signed
// package for a period, and the packages sent so far (each can be downloaded again).
import { ExportOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Descriptions, Flex, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { ListError } from '../../shared/ListError.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { EXCHANGE_KEYS, type ExchangeExportRow, exchangeApi, saveJson, useExports, useIdentity } from './api.ts';

const short = (hex: string) => `${hex.slice(0, 16)}…${hex.slice(-8)}`;

function IdentityCard() {
  const identity = useIdentity();
  const make = useApiMutation({
    mutationFn: exchangeApi.makeIdentity,
    invalidate: [EXCHANGE_KEYS.identity],
    successMessage: '签名密钥已生成',
  });
  const data = identity.data?.identity;
  return (
    <Card size="small" title="本系统签名身份（SM2）" style={{ marginBottom: 16 }} data-testid="exchange-identity">
      <ListError error={identity.error} />
      {identity.data && !data && (
        <Flex gap={12} align="center" style={{ marginBottom: 8 }}>
          <Typography.Text>本系统尚未生成签名密钥（首次导出报送包时也会自动生成）。</Typography.Text>
          <Button loading={make.isPending} onClick={() => make.mutate(undefined)} data-testid="exchange-make-identity">
            生成签名密钥
          </Button>
        </Flex>
      )}
      {data && (
        <Descriptions column={1} size="small">
          <Descriptions.Item label="公钥指纹（SM3）">
            <Typography.Text code copyable data-testid="exchange-fingerprint">
              {data.fingerprint}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="公钥">
            <Typography.Text copyable={{ text: data.publicKey }} style={{ wordBreak: 'break-all' }}>
              {data.publicKey}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="部署编号">{data.deploymentId}</Descriptions.Item>
        </Descriptions>
      )}
      <Typography.Text type="secondary">
        请通过线下渠道（公文、电话核对）将公钥和指纹提供给上级巡察机构，上级登记后方可核验本级报送包。
      </Typography.Text>
    </Card>
  );
}

function ExportForm() {
  const year = dayjs().year();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs(`${year}-01-01`), dayjs(`${year}-12-31`)]);
  const run = useApiMutation({
    mutationFn: () =>
      exchangeApi.exportPackage({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') }),
    invalidate: [EXCHANGE_KEYS.exports, EXCHANGE_KEYS.identity],
    successMessage: '报送包已生成并签名',
    onSuccess: (pkg) =>
      saveJson(pkg, `数据报送包_${pkg.source.committeeName}_${pkg.period.from}_${pkg.period.to}.json`),
  });
  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
      <Typography.Text>报送期间（按轮次开始日期）</Typography.Text>
      <DatePicker.RangePicker
        value={range}
        allowClear={false}
        onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        data-testid="exchange-period"
      />
      <Button
        type="primary"
        icon={<ExportOutlined />}
        loading={run.isPending}
        onClick={() => run.mutate(undefined)}
        data-testid="exchange-export"
      >
        生成并下载报送包
      </Button>
    </Flex>
  );
}

export function SendTab() {
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const exports = useExports(paging);
  const columns = [
    { title: '报送单位', dataIndex: 'committeeName' },
    { title: '期间', key: 'period', render: (_: unknown, r: ExchangeExportRow) => `${r.from} 至 ${r.to}` },
    { title: '轮次数', dataIndex: 'rounds', width: 80 },
    {
      title: 'SM3 摘要',
      dataIndex: 'digest',
      render: (v: string) => <Typography.Text code>{short(v)}</Typography.Text>,
    },
    { title: '导出人', dataIndex: 'exportedBy', width: 100 },
    { title: '导出时间', dataIndex: 'exportedAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
    {
      title: '操作',
      key: 'actions',
      render: (_: unknown, r: ExchangeExportRow) => (
        <ExportButton path={`/api/exchange/packages/${r.id}`} label="再次下载" testId={`exchange-redownload-${r.id}`} />
      ),
    },
  ];
  return (
    <>
      <IdentityCard />
      <Card size="small" title="生成报送包">
        <ExportForm />
        <Typography.Paragraph type="secondary">
          {
            '报送包只含统计汇总（轮次、巡察、问题按四个方面、整改任务、移交），不含人员姓名、线索内容和问题原文；内容以规范化 JSON 计算 SM3 摘要并以本系统 SM2 私钥签名。'
          }
        </Typography.Paragraph>
        <ListError error={exports.error} />
        <Table<ExchangeExportRow>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={exports.data?.items ?? []}
          loading={exports.isFetching}
          pagination={serverPagination(paging.page, paging.pageSize, exports.data?.total, (page, pageSize) =>
            setPaging({ page, pageSize }),
          )}
          locale={{ emptyText: '尚未导出报送包' }}
          data-testid="exchange-exports"
        />
      </Card>
    </>
  );
}
