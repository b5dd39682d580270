import { Alert, Button, Card, Skeleton } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { paragraphsOf } from '../../../components/document/body-model';
import { titleOf } from '../../../lib/labels';
import { useApi } from '../../../lib/use-api';
import { fetchDocument } from '../api/incoming';

/**
 * The registered document's text beside its slip, so the clerk checks the fields against what the
 * document says. The text scrolls in its own box on screen and runs in full on paper.
 */
export function DocumentText({ documentId, headingLevel = 2 }: { documentId: number | null; headingLevel?: 2 | 3 }) {
  const doc = useApi(documentId === null ? null : (signal) => fetchDocument(documentId, signal), [documentId]);
  const paragraphs = useMemo(() => (doc.data ? paragraphsOf(doc.data.body) : []), [doc.data]);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <Card
      size="small"
      className="inc-text"
      title={<Heading className="card-title">公文原文</Heading>}
      extra={documentId !== null && doc.data ? <Link to={`/documents/${documentId}`} className="no-print">在文件库中打开</Link> : undefined}
    >
      {documentId === null ? (
        <Alert type="info" showIcon title="这份收文没有关联文件库中的公文" />
      ) : doc.error ? (
        <Alert type="warning" showIcon title="公文原文加载失败" description={doc.error.message} action={<Button size="small" onClick={doc.reload}>重试</Button>} />
      ) : !doc.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <div className="inc-text-body" tabIndex={0} aria-label={`${titleOf(doc.data.title)} 正文`}>
          {paragraphs.map((p, i) => (
            <p key={i} className="doc-para">
              {p}
            </p>
          ))}
        </div>
      )}
    </Card>
  );
}
