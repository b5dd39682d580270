import { Empty, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo } from 'react';
import type { OutlineNode } from '../../lib/api-types';

function toTree(nodes: readonly OutlineNode[], prefix = ''): DataNode[] {
  return nodes.map((node, i) => {
    const key = prefix ? `${prefix}-${i}` : `${i}`;
    return { key, title: `${node.label}${node.heading}`, children: toTree(node.children, key) };
  });
}

/** The outline; choosing a node (click, or Enter on the focused node) asks the body to show it. */
export function OutlineTree({ outline, onPick }: { outline: readonly OutlineNode[]; onPick: (key: string) => void }) {
  const data = useMemo(() => toTree(outline), [outline]);
  if (data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本文未识别出提纲" />;
  return (
    <Tree
      className="doc-outline"
      aria-label="公文提纲"
      treeData={data}
      defaultExpandAll
      blockNode
      selectedKeys={[]}
      onSelect={(_keys, info) => onPick(String(info.node.key))}
    />
  );
}
