import { useQuery } from '@tanstack/react-query';
import { Empty, Spin, Tree, Typography } from 'antd';
import { type Key, type ReactNode, useEffect, useState } from 'react';
import type { Unit, UnitPageData } from '../../app/types.ts';
import { fetchChildren } from './api.ts';

type Node = { key: string; title: ReactNode; isLeaf: boolean; disabled?: boolean; children?: Node[] };

function title(unit: Unit): ReactNode {
  if (unit.active) return unit.name;
  return <Typography.Text type="secondary">{unit.name}（已撤销）</Typography.Text>;
}

/** One level of the tree; a level larger than a page ends with a hint to use the list instead. */
function nodesOf(page: UnitPageData, parentKey: string): Node[] {
  const nodes: Node[] = page.items.map((unit) => ({ key: unit.id, title: title(unit), isLeaf: unit.childCount === 0 }));
  const more = page.total - page.items.length;
  if (more > 0) {
    nodes.push({ key: `${parentKey}:more`, title: `还有 ${more} 个，请在右侧列表查看`, isLeaf: true, disabled: true });
  }
  return nodes;
}

function withChildren(nodes: Node[], key: string, children: Node[]): Node[] {
  return nodes.map((node) => {
    if (node.key === key) return { ...node, children };
    return node.children ? { ...node, children: withChildren(node.children, key, children) } : node;
  });
}

type Props = { committeeId?: string; selected?: string; onSelect: (unitId: string | undefined) => void };

/** The org tree, one level at a time: 25,000 units never travel to the browser at once. */
export function UnitTree({ committeeId, selected, onSelect }: Props) {
  // under the ['units'] key, so every unit change refetches the roots and the tree starts afresh
  const roots = useQuery({
    queryKey: ['units', 'tree', committeeId],
    queryFn: () => fetchChildren('root', committeeId),
  });
  const [nodes, setNodes] = useState<Node[]>([]);
  // a new tree only when the roots really changed (a refetch with equal data keeps the same object),
  // remounted so it forgets which levels it had loaded
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (!roots.data) return;
    setNodes(nodesOf(roots.data, 'root'));
    setGeneration((g) => g + 1);
  }, [roots.data]);

  const loadData = async ({ key }: { key: Key }) => {
    const page = await fetchChildren(String(key), committeeId);
    setNodes((prev) => withChildren(prev, String(key), nodesOf(page, String(key))));
  };

  if (roots.isPending) return <Spin />;
  if (nodes.length === 0) return <Empty description="暂无单位" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Tree
      key={generation}
      data-testid="unit-tree"
      blockNode
      treeData={nodes}
      loadData={loadData}
      selectedKeys={selected ? [selected] : []}
      onSelect={(keys) => onSelect(keys[0] === undefined ? undefined : String(keys[0]))}
    />
  );
}
