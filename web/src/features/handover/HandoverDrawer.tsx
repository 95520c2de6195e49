// 移交详情: what was handed over (the clue's content only for its readers), the result, and the timeline.
import {
  clueCategory,
  type Disposition,
  disposition,
  form as formKind,
  handoverEventLabel,
  handoverKind,
  handoverStatusLabel,
} from '@xuncha/contracts';
import { Alert, Descriptions, Drawer, Empty, Flex, Table, Timeline, Typography } from 'antd';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { type HandoverDetail, useHandover } from './api.ts';
import { HandoverStatusTags } from './HandoverTags.tsx';

const eventLabel = (event: HandoverDetail['history'][number]['event']) =>
  event === 'create' ? '移交' : handoverEventLabel[event];

function FindingItems({ finding, label }: { finding: NonNullable<HandoverDetail['finding']>; label: string }) {
  return (
    <>
      <Descriptions.Item label={label}>{finding.title}</Descriptions.Item>
      <Descriptions.Item label="问题事实">
        <span className="pre-wrap">{finding.facts}</span>
      </Descriptions.Item>
    </>
  );
}

/** A problem handover shows its finding; a clue handover its content (for readers) and the finding it bears on. */
function Subject({ h }: { h: HandoverDetail }) {
  if (h.kind !== 'clue')
    return (
      <Descriptions column={1} size="small" bordered>
        {h.finding && <FindingItems finding={h.finding} label="问题" />}
      </Descriptions>
    );
  if (!h.clue)
    return <Alert type="info" showIcon title="问题线索内容仅限知悉范围内人员查看，此处只显示线索编号和类别" />;
  return (
    <Descriptions column={1} size="small" bordered data-testid="handover-clue-content">
      <Descriptions.Item label="被反映人">
        {h.clue.subjectName}（{h.clue.subjectPost}）
      </Descriptions.Item>
      <Descriptions.Item label="反映问题">
        <span className="pre-wrap">{h.clue.allegation}</span>
      </Descriptions.Item>
      <Descriptions.Item label="相关证据">{h.clue.evidence ?? '—'}</Descriptions.Item>
      {h.finding && <FindingItems finding={h.finding} label="相关问题" />}
    </Descriptions>
  );
}

function Result({ h }: { h: HandoverDetail }) {
  if (!h.concludedOn) return <Empty description="尚未反馈处置结果" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const forms = h.personForms.map((p) => (p.form ? formKind.labels[p.form] : '未定形态')).join('、');
  return (
    <Flex vertical gap={8}>
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label="处置结果">
          {h.disposition ? disposition.labels[h.disposition as Disposition] : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="办结日期">{formatDate(h.concludedOn)}</Descriptions.Item>
        {h.result ? (
          <>
            <Descriptions.Item label="办理情况" span={2}>
              <span className="pre-wrap">{h.result.summary}</span>
            </Descriptions.Item>
            <Descriptions.Item label="处理措施" span={2}>
              {h.result.measures ?? '—'}
            </Descriptions.Item>
          </>
        ) : (
          <Descriptions.Item label="被处理人" span={2}>
            {h.personForms.length ? `${h.personForms.length} 人（${forms}）` : '无'}
          </Descriptions.Item>
        )}
      </Descriptions>
      {h.result && h.result.persons.length > 0 && (
        <Table
          size="small"
          rowKey={(p) => `${p.name}-${p.post}`}
          pagination={false}
          dataSource={h.result.persons}
          columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: '职务', dataIndex: 'post' },
            { title: '形态', dataIndex: 'form', render: (f: '1' | null) => (f ? formKind.labels[f] : '—') },
            { title: '处理措施', dataIndex: 'measure', render: (m: string | null) => m ?? '—' },
            { title: '处理日期', dataIndex: 'decidedOn', render: formatDate },
          ]}
        />
      )}
    </Flex>
  );
}

function Body({ h }: { h: HandoverDetail }) {
  return (
    <Flex vertical gap={16}>
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label="类别">{handoverKind.labels[h.kind]}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <HandoverStatusTags handover={h} />
        </Descriptions.Item>
        <Descriptions.Item label="被巡察单位">{h.unitName}</Descriptions.Item>
        <Descriptions.Item label="接收单位">{h.recipientName}</Descriptions.Item>
        <Descriptions.Item label="移交日期">{formatDate(h.sentOn)}</Descriptions.Item>
        <Descriptions.Item label="反馈期限">{formatDate(h.dueDate)}</Descriptions.Item>
        {h.clueCode && (
          <Descriptions.Item label="线索">
            {h.clueCode} · {h.clueCategory ? clueCategory.labels[h.clueCategory] : ''}
          </Descriptions.Item>
        )}
        <Descriptions.Item label="移交函文号">{h.letterNo ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="承办人">{h.handlerName ?? '—'}</Descriptions.Item>
        {h.declineReason && <Descriptions.Item label="退回理由">{h.declineReason}</Descriptions.Item>}
      </Descriptions>
      <Typography.Title level={5}>移交内容</Typography.Title>
      <Subject h={h} />
      <Typography.Title level={5}>处置结果</Typography.Title>
      <Result h={h} />
      <Typography.Title level={5}>办理记录</Typography.Title>
      <Timeline
        items={h.history.map((e) => ({
          key: `${e.at}-${e.event}`,
          content: (
            <div>
              <Typography.Text strong>{eventLabel(e.event)}</Typography.Text>
              <Typography.Text type="secondary">（{handoverStatusLabel[e.toStatus]}）</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 16 }}>
                {e.actorName} · {formatDateTime(e.at)}
              </Typography.Text>
              {e.note && <div className="pre-wrap">说明：{e.note}</div>}
            </div>
          ),
        }))}
      />
    </Flex>
  );
}

export function HandoverDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const detail = useHandover(id);
  return (
    <Drawer open width={820} onClose={onClose} title={detail.data?.code ?? '移交详情'} data-testid="handover-drawer">
      <QueryBoundary query={detail}>{(h) => <Body h={h} />}</QueryBoundary>
    </Drawer>
  );
}
