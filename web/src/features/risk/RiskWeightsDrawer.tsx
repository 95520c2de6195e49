// The committee's weights: sliders with a live preview of the ranking (nothing saved), saving a new version
// (巡察办主任 only: risk.configure) with a reason, and the history of earlier versions.
import {
  RISK_FACTORS,
  RISK_FORMULA,
  type RiskWeightsView,
  type RiskWeightValues,
  riskFactorLabel,
} from '@xuncha/contracts';
import { Alert, Button, Col, Drawer, Flex, Form, Input, InputNumber, Row, Slider, Table, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../shared/format.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { saveRiskWeights, useRiskWeightHistory } from './api.ts';

type Props = {
  view: RiskWeightsView;
  preview: RiskWeightValues | null;
  onPreview: (weights: RiskWeightValues | null) => void;
  onClose: () => void;
};

function WeightHistory() {
  const [page, setPage] = useState(1);
  const history = useRiskWeightHistory(page, true);
  return (
    <Table
      size="small"
      rowKey="version"
      loading={history.isFetching}
      dataSource={history.data?.items ?? []}
      data-testid="risk-weight-history"
      pagination={{ current: page, pageSize: 5, total: history.data?.total ?? 0, onChange: setPage, size: 'small' }}
      locale={{ emptyText: '尚未调整过，使用默认权重' }}
      columns={[
        { title: '版本', dataIndex: 'version', width: 56 },
        {
          title: '权重',
          render: (_, e) => RISK_FACTORS.map((f) => `${riskFactorLabel[f]} ${e.weights[f]}`).join('，'),
        },
        { title: '调整人', dataIndex: 'setByName', width: 72 },
        { title: '时间', dataIndex: 'setAt', width: 150, render: (v: string | null) => formatDateTime(v) },
        { title: '说明', dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}

export function RiskWeightsDrawer({ view, preview, onPreview, onClose }: Props) {
  const [weights, setWeights] = useState<RiskWeightValues>(preview ?? view.weights);
  const [reason, setReason] = useState('');
  const total = RISK_FACTORS.reduce((s, f) => s + weights[f], 0);
  const save = useApiMutation({
    mutationFn: () => saveRiskWeights({ version: view.version, weights, reason: reason.trim() || undefined }),
    invalidate: [['risk-weights'], ['risk-ranking']],
    successMessage: '风险排序权重已保存',
    onSuccess: () => {
      onPreview(null);
      onClose();
    },
  });
  const set = (factor: keyof RiskWeightValues, value: number | null) =>
    setWeights((w) => ({ ...w, [factor]: Math.max(0, Math.min(100, Math.round(value ?? 0))) }));

  return (
    <Drawer open width={640} onClose={onClose} title="风险排序权重" data-testid="risk-weights-drawer">
      <Typography.Paragraph type="secondary">
        风险分 = Σ 权重 × 因子分 ÷ Σ 权重（每项因子 0–100 分）。当前为
        {view.isDefault ? '默认权重' : `第 ${view.version} 版（${view.setByName ?? ''} ${formatDateTime(view.setAt)}）`}
        。
      </Typography.Paragraph>
      {RISK_FACTORS.map((f) => (
        <Row key={f} gutter={12} align="middle" style={{ marginBottom: 4 }}>
          <Col span={5}>
            <Typography.Text strong>{riskFactorLabel[f]}</Typography.Text>
          </Col>
          <Col span={12}>
            <Slider min={0} max={100} value={weights[f]} onChange={(v) => set(f, v)} data-testid={`risk-slider-${f}`} />
          </Col>
          <Col span={4}>
            <InputNumber
              min={0}
              max={100}
              precision={0}
              value={weights[f]}
              onChange={(v) => set(f, v)}
              data-testid={`risk-weight-${f}`}
            />
          </Col>
          <Col span={3}>
            <Typography.Text type="secondary">
              {total > 0 ? `${Math.round((weights[f] / total) * 100)}%` : '—'}
            </Typography.Text>
          </Col>
          <Col span={24}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {RISK_FORMULA[f]}
            </Typography.Text>
          </Col>
        </Row>
      ))}
      {total === 0 && <Alert type="error" showIcon title="权重不能全部为 0" style={{ margin: '8px 0' }} />}
      <Flex gap={8} wrap style={{ margin: '12px 0' }}>
        <Button disabled={total === 0} onClick={() => onPreview(weights)} data-testid="risk-preview">
          预览排序
        </Button>
        {preview && (
          <Button onClick={() => onPreview(null)} data-testid="risk-preview-cancel">
            取消预览
          </Button>
        )}
      </Flex>
      {view.canConfigure ? (
        <Form layout="vertical">
          <Form.Item label="调整说明">
            <Input.TextArea
              rows={2}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder="如：下一轮侧重廉政风险"
              data-testid="risk-weight-reason"
            />
          </Form.Item>
          <Button
            type="primary"
            disabled={total === 0}
            loading={save.isPending}
            onClick={() => save.mutate(undefined)}
            data-testid="risk-weight-save"
          >
            保存为新版本
          </Button>
        </Form>
      ) : (
        <Alert type="info" showIcon title="只有巡察办主任可以保存权重；可先预览不同权重下的排序。" />
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        调整记录
      </Typography.Title>
      <WeightHistory />
    </Drawer>
  );
}
