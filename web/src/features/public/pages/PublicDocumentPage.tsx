import { Breadcrumb, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { outlineFromBody, paragraphsOf } from '../../../components/document/body-model';
import { DocumentReader } from '../../../components/document/DocumentReader';
import { ErrorResult, NotFound } from '../../../components/ErrorResult';
import { titleOf } from '../../../lib/labels';
import { useApi } from '../../../lib/use-api';
import { useTitle } from '../../../lib/use-title';
import { fetchPublicDocument } from '../api/public';
import { PUBLIC_NAME } from '../components/PublicLayout';

/** A public document, read-only: elements, validity, outline and body; no tasks, no source file. */
export function PublicDocumentPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const doc = useApi(valid ? (signal) => fetchPublicDocument(id, signal) : null, [id]);
  // The contract gives the public library no outline route: the tree is read from the body.
  const outline = useMemo(() => (doc.data ? outlineFromBody(paragraphsOf(doc.data.body)) : []), [doc.data]);
  useTitle(doc.data ? (doc.data.docNumber ?? doc.data.title) : '公文', PUBLIC_NAME);

  if (!valid) return <NotFound standalone />;
  if (doc.error) return <ErrorResult standalone error={doc.error} onRetry={doc.reload} />;
  if (!doc.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const d = doc.data;
  return (
    <div className="public-page">
      <nav aria-label="面包屑导航">
        <Breadcrumb className="page-breadcrumb" items={[{ title: <Link to="/public">{PUBLIC_NAME}</Link> }, { title: <span aria-current="page">公文</span> }]} />
      </nav>
      <Typography.Title level={1} className="page-title public-doc-title">
        {titleOf(d.title)}
      </Typography.Title>
      <DocumentReader doc={d} outline={outline} showSource={false} linkTo={(target, children) => <Link to={`/public/documents/${target}`}>{children}</Link>} />
    </div>
  );
}
