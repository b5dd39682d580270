import { Empty, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { DocumentSummary } from '../../lib/api-types';
import { chineseDate } from '../../lib/format';
import { titleOf } from '../../lib/labels';
import { ValidityTag } from '../ValidityTag';

/** Documents as a reading list: title (a link), then 文号, 发文机关, date, and the validity mark on every one. */
export function DocumentList({ items, linkTo, empty = '暂无公文' }: { items: readonly DocumentSummary[]; linkTo: (id: number, children: ReactNode) => ReactNode; empty?: string }) {
  if (items.length === 0) return <Empty description={empty} />;
  return (
    <ol className="doc-list">
      {items.map((d) => (
        <li key={d.id} className="doc-list-item">
          <div className="doc-list-title">{linkTo(d.id, titleOf(d.title))}</div>
          <Space size={[8, 4]} wrap className="doc-list-meta">
            <ValidityTag validity={d.validity} provisional={d.provisional} />
            {d.docNumber && <span>{d.docNumber}</span>}
            {d.issuer.length > 0 && <span>{d.issuer.join('、')}</span>}
            {d.date && <span>{chineseDate(d.date)}</span>}
            {d.kind && <Tag>{d.kind}</Tag>}
            {d.topic && <Typography.Text type="secondary">{d.topic}</Typography.Text>}
          </Space>
        </li>
      ))}
    </ol>
  );
}
