import type { ReportDiff } from '@xuncha/contracts';
import { Empty, Flex, Tag } from 'antd';

const style = {
  same: { background: 'transparent', mark: ' ' },
  added: { background: '#f6ffed', mark: '+' },
  removed: { background: '#fff1f0', mark: '−' },
} as const;

/** Unified line diff: removed lines on red, added on green, each with its line numbers in both versions. */
export function DiffView({ diff }: { diff: ReportDiff }) {
  if (diff.added === 0 && diff.removed === 0) return <Empty description="两个版本内容相同" />;
  return (
    <Flex vertical gap={8}>
      <Flex gap={8}>
        <Tag color="success">新增 {diff.added} 行</Tag>
        <Tag color="error">删除 {diff.removed} 行</Tag>
      </Flex>
      <div
        style={{ border: '1px solid #f0f0f0', borderRadius: 6, maxHeight: 520, overflow: 'auto' }}
        data-testid="report-diff"
      >
        {diff.lines.map((line, i) => (
          <div
            // lines have no identity of their own; their position in this diff is stable
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={i}
            className={`diff-${line.kind}`}
            style={{ display: 'flex', gap: 8, background: style[line.kind].background, padding: '2px 8px' }}
          >
            <span style={{ width: 72, flex: 'none', color: '#999', textAlign: 'right' }}>
              {line.fromLine ?? ''} {line.toLine ?? ''}
            </span>
            <span style={{ width: 12, flex: 'none', color: '#999' }}>{style[line.kind].mark}</span>
            <span className="pre-wrap">{line.text || ' '}</span>
          </div>
        ))}
      </div>
    </Flex>
  );
}
