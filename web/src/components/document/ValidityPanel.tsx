import { Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { DocumentView } from '../../lib/api-types';
import { chineseDate } from '../../lib/format';
import { ValidityTag } from '../ValidityTag';

export interface DocLinker {
  /** A link to another document of the same library (internal or public). */
  (id: number, children: ReactNode): ReactNode;
}

/** The validity mark and why: the dates it runs between, the sentence it was read from, what repealed it. */
export function ValidityPanel({ doc, linkTo }: { doc: DocumentView; linkTo: DocLinker }) {
  const items = [{ key: 'state', label: '效力状态', children: <ValidityTag validity={doc.validity} provisional={doc.provisional} /> }];
  if (doc.validFrom) items.push({ key: 'from', label: '施行日期', children: <>{chineseDate(doc.validFrom)}</> });
  if (doc.validUntil) items.push({ key: 'until', label: '有效期至', children: <>{chineseDate(doc.validUntil)}</> });
  if (doc.validityNote) items.push({ key: 'note', label: '依据', children: <q className="validity-note">{doc.validityNote}</q> });
  const repealedBy = doc.repealedBy ?? [];
  if (repealedBy.length > 0)
    items.push({
      key: 'repealed',
      label: '废止文件',
      children: (
        <ul className="plain-list">
          {repealedBy.map((r) => (
            <li key={r.documentId}>{linkTo(r.documentId, `${r.docNumber ? `${r.docNumber} ` : ''}${r.title}`)}</li>
          ))}
        </ul>
      ),
    });
  if (items.length === 1)
    items.push({ key: 'why', label: '说明', children: <Typography.Text type="secondary">文中未载明施行日期、有效期或废止情况</Typography.Text> });
  return <Descriptions size="small" column={1} items={items} className="validity-panel" />;
}
