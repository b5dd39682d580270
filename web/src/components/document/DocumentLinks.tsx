import { Empty, Tag, Typography } from 'antd';
import type { LinkView } from '../../lib/api-types';
import { LINK_RELATION_LABEL } from '../../lib/labels';
import type { DocLinker } from './ValidityPanel';

function LinkList({ links, linkTo, empty }: { links: readonly LinkView[]; linkTo: DocLinker; empty: string }) {
  if (links.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <ul className="link-list">
      {links.map((l, i) => {
        const name = [l.docNumber, l.title ? `《${l.title.replace(/^《|》$/g, '')}》` : null].filter(Boolean).join(' ') || '（未识别的文件）';
        return (
          <li key={`${l.relation}-${l.documentId ?? 'x'}-${i}`}>
            <Tag>{LINK_RELATION_LABEL[l.relation] ?? l.relation}</Tag>
            {l.documentId !== null ? linkTo(l.documentId, name) : <span>{name}</span>}
            {l.documentId === null && <Typography.Text type="secondary">（库中暂无）</Typography.Text>}
          </li>
        );
      })}
    </ul>
  );
}

/** What a document cites and who cites it; each clickable when the other document is in the library. */
export function DocumentLinks({ links, referencedBy, linkTo }: { links: readonly LinkView[]; referencedBy: readonly LinkView[]; linkTo: DocLinker }) {
  return (
    <div className="doc-links">
      <Typography.Title level={3} className="section-title">
        本文引用
      </Typography.Title>
      <LinkList links={links} linkTo={linkTo} empty="本文未引用其他文件" />
      <Typography.Title level={3} className="section-title">
        被以下文件引用
      </Typography.Title>
      <LinkList links={referencedBy} linkTo={linkTo} empty="暂无文件引用本文" />
    </div>
  );
}
