import { Card, Col, Collapse, Grid, Row, Space, Tabs, Typography } from 'antd';
import { type ReactNode, useCallback, useMemo } from 'react';
import type { DocumentView, OutlineNode } from '../../lib/api-types';
import { chineseDate } from '../../lib/format';
import { ValidityTag } from '../ValidityTag';
import { flattenOutline, locateHeadings, paragraphsOf } from './body-model';
import { DocumentBody, paragraphId } from './DocumentBody';
import { DocumentElements } from './DocumentElements';
import { DocumentLinks } from './DocumentLinks';
import { OutlineTree } from './OutlineTree';
import { type DocLinker, ValidityPanel } from './ValidityPanel';

export interface ReaderAnnotations {
  highlighted: ReadonlySet<number>;
  after: (index: number) => ReactNode;
}

export interface DocumentReaderProps {
  doc: DocumentView;
  outline: readonly OutlineNode[];
  linkTo: DocLinker;
  /** Built from the paragraphs by the caller (the tasks of the document). */
  annotate?: (paragraphs: readonly string[]) => ReaderAnnotations;
  /** Tabs after 正文 (任务清单). */
  extraTabs?: { key: string; label: string; children: ReactNode }[];
  activeTab?: string;
  onTabChange?: (key: string) => void;
  showSource?: boolean;
}

export const BODY_ID_PREFIX = 'para';

/** Scrolls a paragraph of the body into view and gives it focus, so keyboard reading goes on from there. */
export function showParagraph(index: number): void {
  const el = document.getElementById(paragraphId(BODY_ID_PREFIX, index));
  if (!el) return;
  el.scrollIntoView({ behavior: 'smooth', block: 'start' });
  el.focus({ preventScroll: true });
}

/** A document to read: its elements, validity, outline, body and links. Shared by the app and the public library. */
export function DocumentReader({ doc, outline, linkTo, annotate, extraTabs, activeTab, onTabChange, showSource = true }: DocumentReaderProps) {
  const paragraphs = useMemo(() => paragraphsOf(doc.body), [doc.body]);
  const headings = useMemo(() => flattenOutline(outline), [outline]);
  const located = useMemo(() => locateHeadings(paragraphs, headings), [paragraphs, headings]);
  const headingAt = useMemo(() => {
    const byIndex = new Map(headings.map((h) => [h.key, h]));
    const out = new Map<number, (typeof headings)[number]>();
    for (const [key, index] of located) {
      const h = byIndex.get(key);
      if (h && !out.has(index)) out.set(index, h);
    }
    return out;
  }, [headings, located]);
  const notes = useMemo(() => annotate?.(paragraphs), [annotate, paragraphs]);
  const screens = Grid.useBreakpoint();
  const narrow = screens.lg === false;
  // A ledger is wide: away from the body, the side column (validity, outline) gives way to it.
  const wide = activeTab !== undefined && activeTab !== 'body';

  const pick = useCallback(
    (key: string) => {
      const index = located.get(key);
      if (index === undefined) return;
      onTabChange?.('body');
      // After a tab switch the body must be in the page before it can scroll.
      requestAnimationFrame(() => showParagraph(index));
    },
    [located, onTabChange],
  );

  const bodyTab = {
    key: 'body',
    label: '正文',
    children:
      paragraphs.length > 0 ? (
        <DocumentBody paragraphs={paragraphs} headingAt={headingAt} highlighted={notes?.highlighted} after={notes?.after} idPrefix={BODY_ID_PREFIX} />
      ) : (
        <Typography.Text type="secondary">本文无正文</Typography.Text>
      ),
  };

  return (
    <div className="doc-reader">
      <header className="doc-head">
        <Space size={[8, 4]} wrap className="doc-head-meta">
          <ValidityTag validity={doc.validity} provisional={doc.provisional} />
          {doc.docNumber && <span className="doc-number">{doc.docNumber}</span>}
          {doc.issuer.length > 0 && <span>{doc.issuer.join('、')}</span>}
          {doc.date && <span>{chineseDate(doc.date)}</span>}
        </Space>
      </header>
      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 2 }} lg={{ span: wide ? 24 : 16, order: 1 }} className="min-w-0">
          <Space orientation="vertical" size={16} className="full-width">
            <Card title={<h2 className="card-title">公文要素</h2>} size="small">
              <DocumentElements doc={doc} showSource={showSource} />
            </Card>
            <Card size="small" className="doc-body-card">
              <h2 className="visually-hidden">正文与任务</h2>
              <Tabs activeKey={activeTab} onChange={onTabChange} items={[bodyTab, ...(extraTabs ?? [])]} />
            </Card>
            <Card title={<h2 className="card-title">引用关系</h2>} size="small">
              <DocumentLinks links={doc.links} referencedBy={doc.referencedBy} linkTo={linkTo} />
            </Card>
          </Space>
        </Col>
        {!(wide && !narrow) && (
          <Col xs={{ span: 24, order: 1 }} lg={{ span: 8, order: 2 }} className="min-w-0">
            <div className="doc-side">
              <Card title={<h2 className="card-title">效力</h2>} size="small">
                <ValidityPanel doc={doc} linkTo={linkTo} />
              </Card>
              {narrow ? (
                // On a phone the outline would push the body a screen or more down: it folds away.
                <Collapse size="small" className="doc-outline-collapse" items={[{ key: 'o', label: `提纲（${headings.length} 项）`, children: <OutlineTree outline={outline} onPick={pick} /> }]} />
              ) : (
                <Card title={<h2 className="card-title">提纲</h2>} size="small" className="doc-outline-card">
                  <OutlineTree outline={outline} onPick={pick} />
                </Card>
              )}
            </div>
          </Col>
        )}
      </Row>
    </div>
  );
}
