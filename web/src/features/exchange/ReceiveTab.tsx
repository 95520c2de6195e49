// 接收核验: the lower deployments' public keys this committee trusts (register, revoke), importing a package
// (the server checks format, SM3 digest, trusted key and SM2 signature), and the verified packages received.
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Table, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { ListError } from '../../shared/ListError.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { EXCHANGE_KEYS, exchangeApi, type TrustedKey, useTrustedKeys } from './api.ts';
import { ImportsCard } from './ImportsCard.tsx';

const short = (hex: string) => `${hex.slice(0, 16)}…${hex.slice(-8)}`;

function TrustForm({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm();
  const trust = useApiMutation({
    mutationFn: exchangeApi.trust,
    invalidate: [EXCHANGE_KEYS.trusted],
    successMessage: '可信公钥已登记',
    form,
    onSuccess: onClose,
  });
  return (
    <FormModal title="登记下级报送公钥" form={form} loading={trust.isPending} onClose={onClose}>
      <Form form={form} layout="vertical" onFinish={(values) => trust.mutate(values)}>
        <Form.Item name="sourceCommitteeName" label="报送单位" rules={[{ required: true, message: '请填写报送单位' }]}>
          <Input placeholder="如：中共示例市城关区委" data-testid="trust-name" />
        </Form.Item>
        <Form.Item
          name="publicKey"
          label="SM2 公钥"
          extra="登记前请与报送单位线下核对公钥指纹"
          rules={[{ required: true, message: '请填写公钥' }]}
        >
          <Input.TextArea rows={3} placeholder="04 开头的 130 位十六进制" data-testid="trust-public-key" />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function TrustedKeysCard() {
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const [open, setOpen] = useState(false);
  const keys = useTrustedKeys(paging);
  const revoke = useApiMutation({
    mutationFn: exchangeApi.revoke,
    invalidate: [EXCHANGE_KEYS.trusted],
    successMessage: '已停用该公钥，此后其签名的报送包不再接受',
  });
  const columns = [
    { title: '报送单位', dataIndex: 'sourceCommitteeName' },
    {
      title: '公钥指纹（SM3）',
      dataIndex: 'fingerprint',
      render: (v: string) => <Typography.Text code>{short(v)}</Typography.Text>,
    },
    {
      title: '状态',
      dataIndex: 'active',
      width: 90,
      render: (v: boolean) => (v ? <Tag color="green">有效</Tag> : <Tag>已停用</Tag>),
    },
    { title: '登记人', dataIndex: 'registeredBy', width: 100 },
    { title: '登记时间', dataIndex: 'registeredAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_: unknown, k: TrustedKey) =>
        k.active && (
          <Popconfirm title="停用后不再接受该公钥签名的报送包，确定停用？" onConfirm={() => revoke.mutate(k.id)}>
            <Button type="link" size="small" danger data-testid={`trust-revoke-${k.id}`}>
              停用
            </Button>
          </Popconfirm>
        ),
    },
  ];
  return (
    <Card
      size="small"
      title="可信公钥"
      style={{ marginBottom: 16 }}
      extra={
        <Button onClick={() => setOpen(true)} data-testid="trust-add">
          登记公钥
        </Button>
      }
    >
      <ListError error={keys.error} />
      <Table<TrustedKey>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={keys.data?.items ?? []}
        loading={keys.isFetching}
        pagination={serverPagination(paging.page, paging.pageSize, keys.data?.total, (page, pageSize) =>
          setPaging({ page, pageSize }),
        )}
        locale={{ emptyText: '尚未登记可信公钥' }}
        data-testid="trusted-keys"
      />
      {open && <TrustForm onClose={() => setOpen(false)} />}
    </Card>
  );
}

type Outcome = { ok: true; text: string } | { ok: false; text: string };

function ImportCard() {
  const { message } = App.useApp();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const run = useApiMutation({
    mutationFn: exchangeApi.importPackage,
    invalidate: [EXCHANGE_KEYS.imports],
    onSuccess: (r) =>
      setOutcome({
        ok: true,
        text: `已核验并导入：${r.sourceCommitteeName}（${r.from} 至 ${r.to}），签名人指纹 ${r.fingerprint}`,
      }),
  });
  const read = async (file: File) => {
    let body: unknown;
    try {
      body = JSON.parse(await file.text());
    } catch {
      setOutcome({ ok: false, text: '文件不是有效的 JSON，无法导入' });
      return;
    }
    run.mutate(body, { onError: (e) => setOutcome({ ok: false, text: `已拒绝：${errorMessage(e)}` }) });
  };
  return (
    <Card size="small" title="导入报送包" style={{ marginBottom: 16 }}>
      <Upload
        accept=".json,application/json"
        showUploadList={false}
        beforeUpload={(file) => {
          if (file.size > 512 * 1024) message.error('报送包不能超过 512 KB');
          else void read(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={run.isPending} data-testid="exchange-import">
          选择报送包（.json）并核验导入
        </Button>
      </Upload>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 8 }}>
        导入时逐项核验：格式、SM3 摘要、签名人是否为本级登记的有效公钥、SM2
        签名；任一项不符即拒绝，拒绝情况记入审计日志。
      </Typography.Paragraph>
      {outcome && (
        <Alert
          type={outcome.ok ? 'success' : 'error'}
          showIcon
          title={outcome.text}
          data-testid="exchange-import-result"
        />
      )}
    </Card>
  );
}

export function ReceiveTab() {
  return (
    <>
      <ImportCard />
      <ImportsCard />
      <TrustedKeysCard />
    </>
  );
}
