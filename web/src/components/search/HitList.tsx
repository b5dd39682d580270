import { Empty, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { SearchHit } from '../../lib/api-types';
import { chineseDate } from '../../lib/format';
import { SEARCH_KIND_COLOR, SEARCH_KIND_LABEL, titleOf } from '../../lib/labels';

export interface HitListProps {
  hits: readonly SearchHit[];
  /** Where a hit leads; null when it leads nowhere (a task of a document not in the store). */
  hrefOf: (hit: SearchHit) => string | null;
  renderLink: (href: string, children: ReactNode) => ReactNode;
  /** Offset of the first hit, so the list numbers on across pages. */
  start?: number;
}

/** Search hits: kind, 文号, title, date, source, and the passage that matched (server-escaped, marks kept). */
export function HitList({ hits, hrefOf, renderLink, start = 0 }: HitListProps) {
  if (hits.length === 0) return <Empty description="未找到相关结果，请更换检索词或减少筛选条件" />;
  return (
    <ol className="hit-list" start={start + 1}>
      {hits.map((hit) => {
        const href = hrefOf(hit);
        return (
          <li key={`${hit.kind}-${hit.id}`} className="hit">
            <div className="hit-title">
              <Tag color={SEARCH_KIND_COLOR[hit.kind]}>{SEARCH_KIND_LABEL[hit.kind] ?? hit.kind}</Tag>
              {href ? renderLink(href, titleOf(hit.title)) : <span>{titleOf(hit.title)}</span>}
            </div>
            {/* The snippet is HTML the server escaped, with <mark> around the matches: safe by contract. */}
            <p className="hit-snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
            <Space size={[12, 4]} wrap className="hit-meta">
              {hit.docNumber && <span>{hit.docNumber}</span>}
              {hit.date && <span>{chineseDate(hit.date)}</span>}
              <Typography.Text type="secondary" className="break-all">
                来源：{hit.source}
              </Typography.Text>
            </Space>
          </li>
        );
      })}
    </ol>
  );
}
