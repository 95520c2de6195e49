// What a record's details say, laid out per kind (documents and survey results as small tables).
import {
  documentCategory,
  type FieldworkDetailsOf,
  type FieldworkKind,
  petitionChannel,
  satisfactionRate,
} from '@xuncha/contracts';
import { Descriptions, List, Table } from 'antd';

export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

type Details = Record<string, unknown>;
type Survey = FieldworkDetailsOf['survey'];
type SurveyRow = Survey['items'][number];

function SurveyTable({ survey }: { survey: Survey }) {
  return (
    <Table<SurveyRow>
      size="small"
      rowKey="item"
      pagination={false}
      dataSource={survey.items}
      columns={[
        { title: '测评项目', dataIndex: 'item' },
        { title: '好', dataIndex: 'good', width: 64 },
        { title: '较好', dataIndex: 'fair', width: 64 },
        { title: '一般/差', dataIndex: 'poor', width: 72 },
        { title: '满意率', key: 'rate', width: 80, render: (_, row) => formatRate(satisfactionRate([row])) },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={4}>
            总体满意率（参加 {survey.participantCount} 人）
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1}>{formatRate(satisfactionRate(survey.items))}</Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

type DocumentRow = FieldworkDetailsOf['document_review']['documents'][number];

function items(kind: FieldworkKind, raw: Details) {
  const text = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : '—');
  switch (kind) {
    case 'interview':
      return [
        { key: 'a', label: '谈话对象', children: text('interviewee') },
        { key: 'b', label: '职务', children: text('intervieweePost') },
        { key: 'c', label: '谈话人', children: text('interviewers') },
      ];
    case 'meeting':
      return [
        { key: 'a', label: '座谈主题', children: text('topic') },
        { key: 'b', label: '参加人数', children: String(raw.participantCount ?? '—') },
        { key: 'c', label: '参加人员', span: 2, children: text('participants') },
      ];
    case 'visit':
      return [
        { key: 'a', label: '走访对象', children: text('target') },
        { key: 'b', label: '走访人员', children: text('people') },
      ];
    case 'petition': {
      const channel = petitionChannel.labels[raw.channel as keyof typeof petitionChannel.labels] ?? '—';
      return [
        { key: 'a', label: '方式', children: channel },
        { key: 'b', label: '实名/匿名', children: raw.anonymous ? '匿名' : '实名' },
        { key: 'c', label: '被反映单位', children: text('reflectedUnit') },
      ];
    }
    case 'survey':
      return [{ key: 'a', label: '测评主题', children: text('subject') }];
    default:
      return [];
  }
}

export function DetailsView({ kind, details }: { kind: FieldworkKind; details: Details }) {
  if (kind === 'document_review') {
    const documents = (details.documents ?? []) as DocumentRow[];
    return (
      <Table<DocumentRow>
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={false}
        dataSource={documents}
        columns={[
          { title: '资料名称', dataIndex: 'name' },
          {
            title: '类别',
            dataIndex: 'category',
            width: 96,
            render: (c: DocumentRow['category']) => documentCategory.labels[c],
          },
          { title: '备注', dataIndex: 'note' },
        ]}
      />
    );
  }
  if (kind === 'self_check') {
    const problems = (details.problems ?? []) as FieldworkDetailsOf['self_check']['problems'];
    return (
      <List
        size="small"
        dataSource={problems}
        renderItem={(p, i) => (
          <List.Item>
            {i + 1}. {p.title}
            {p.measures ? `（整改措施：${p.measures}）` : ''}
          </List.Item>
        )}
      />
    );
  }
  return (
    <>
      <Descriptions size="small" bordered column={2} items={items(kind, details)} />
      {kind === 'survey' && <SurveyTable survey={details as Survey} />}
    </>
  );
}
