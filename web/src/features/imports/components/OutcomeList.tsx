import { Collapse, Empty, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ImportOutcome } from '../../../lib/api-types';
import { IMPORT_STATUS_COLOR, IMPORT_STATUS_LABEL } from '../../../lib/labels';
import { useApi } from '../../../lib/use-api';
import { fetchTitles } from '../api/imports';

/** Titles are looked up for the first few; past that the links are numbered. */
const TITLED = 20;

function DocumentLinks({ ids }: { ids: number[] }) {
  const key = ids.slice(0, TITLED).join(',');
  const titles = useApi((signal) => fetchTitles(ids.slice(0, TITLED), signal), [key]);
  return (
    <div className="outcome-docs">
      <span>导入的公文：</span>
      <ol className="plain-list">
        {ids.map((id, n) => (
          <li key={id}>
            <Link to={`/documents/${id}`}>{titles.data?.get(id) || (titles.data ? `无标题的公文 ${n + 1}` : `公文 ${n + 1}`)}</Link>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The stored documents a file repeats, each linked (the file itself stored none of them). */
function DuplicateLinks({ duplicates }: { duplicates: NonNullable<ImportOutcome['duplicates']> }) {
  return (
    <div className="outcome-docs">
      <span>库中已有、未重复保存的公文：</span>
      <ol className="plain-list">
        {duplicates.map((d, n) => (
          <li key={`${d.documentId}-${n}`}>
            <Link to={`/documents/${d.documentId}`}>{d.title || `公文 ${n + 1}`}</Link>
            {d.docNumber ? `（${d.docNumber}）` : ''}，来自 {d.file}
          </li>
        ))}
      </ol>
    </div>
  );
}

function counts(o: ImportOutcome): string | null {
  const parts = [
    o.documents ? `公文 ${o.documents} 份` : null,
    o.tasks ? `任务 ${o.tasks} 项` : null,
    o.appointments ? `任免 ${o.appointments} 条` : null,
    o.chronicle ? `大事记 ${o.chronicle} 条` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('，') : null;
}

/** Each file's outcome: status, message, what it brought in (links), and its warnings folded away. */
export function OutcomeList({ outcomes }: { outcomes: ImportOutcome[] }) {
  if (outcomes.length === 0) return <Empty description="服务器未返回导入结果" />;
  return (
    <ul className="outcome-list">
      {outcomes.map((o, i) => (
        <li key={`${o.name}-${i}`} className="outcome">
          <Space size={[8, 4]} wrap>
            <Tag color={IMPORT_STATUS_COLOR[o.status]}>{IMPORT_STATUS_LABEL[o.status] ?? o.status}</Tag>
            <strong className="break-all">{o.name}</strong>
            {counts(o) && <Typography.Text type="secondary">{counts(o)}</Typography.Text>}
          </Space>
          {o.message && <p className="outcome-message">{o.message}</p>}
          {o.documentIds.length > 0 && <DocumentLinks ids={o.documentIds} />}
          {o.duplicates && o.duplicates.length > 0 && <DuplicateLinks duplicates={o.duplicates} />}
          {o.warnings.length > 0 && (
            <Collapse
              size="small"
              ghost
              items={[
                {
                  key: 'w',
                  label: `解析提示 ${o.warnings.length} 条`,
                  children: (
                    <ul className="warning-list">
                      {o.warnings.map((w, k) => (
                        <li key={k}>
                          {w.line !== undefined && <span className="muted">第 {w.line} 行：</span>}
                          {w.message}
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]}
            />
          )}
        </li>
      ))}
    </ul>
  );
}
