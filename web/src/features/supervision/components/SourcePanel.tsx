import { Card, Skeleton, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { Link } from 'react-router-dom';
import { paragraphId } from '../../../components/document/DocumentBody';
import { locateTask, paragraphsOf } from '../../../components/document/body-model';
import type { DocumentView, LedgerDetail } from '../../../lib/api-types';
import { titleOf } from '../../../lib/labels';

const PREFIX = 'src';

/** Where each item's text sits in the document body (paragraph indexes). */
export function useItemPlaces(doc: DocumentView | undefined, ledger: LedgerDetail | undefined) {
  return useMemo(() => {
    const paragraphs = doc ? paragraphsOf(doc.body) : [];
    const places = new Map<number, number[]>((ledger?.items ?? []).map((i) => [i.id, doc ? locateTask(paragraphs, i.text) : []]));
    return { paragraphs, places };
  }, [doc, ledger]);
}

interface Props {
  ledger: LedgerDetail;
  doc: DocumentView | undefined;
  paragraphs: readonly string[];
  /** The paragraphs of the item being looked at: tinted, and scrolled into view when they change. */
  highlighted: readonly number[];
  loading: boolean;
}

/** The source beside the items: the document's text, or what the leader or the meeting said. */
export function SourcePanel({ ledger, doc, paragraphs, highlighted, loading }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const first = highlighted[0];
  useEffect(() => {
    if (first === undefined) return;
    const el = document.getElementById(paragraphId(PREFIX, first));
    if (el && box.current) box.current.scrollTo({ top: el.offsetTop - box.current.offsetTop - 16, behavior: 'smooth' });
  }, [first]);

  if (ledger.sourceKind !== 'document')
    return (
      <Card size="small" title={<h2 className="card-title">来源</h2>}>
        <Typography.Paragraph className="sv-pre">{ledger.sourceNote ?? '—'}</Typography.Paragraph>
      </Card>
    );
  const set = new Set(highlighted);
  return (
    <Card
      size="small"
      className="sv-source"
      title={<h2 className="card-title">公文原文</h2>}
      extra={ledger.documentId && <Link to={`/documents/${ledger.documentId}`}>{doc?.docNumber ?? '打开公文'}</Link>}
    >
      {loading || !doc ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <div ref={box} className="sv-source-body" tabIndex={0} aria-label={`${titleOf(doc.title)} 正文`}>
          {paragraphs.map((p, i) => (
            <p key={i} id={paragraphId(PREFIX, i)} className={set.has(i) ? 'doc-para sv-para-hit' : 'doc-para'}>
              {p}
            </p>
          ))}
        </div>
      )}
    </Card>
  );
}
