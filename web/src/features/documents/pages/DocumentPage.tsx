import { PrinterOutlined } from '@ant-design/icons';
import { Button, Skeleton, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { paragraphsOf } from '../../../components/document/body-model';
import { DocumentReader, showParagraph } from '../../../components/document/DocumentReader';
import { ErrorResult, NotFound } from '../../../components/ErrorResult';
import { PageContainer } from '../../../components/PageContainer';
import type { TaskView } from '../../../lib/api-types';
import { titleOf } from '../../../lib/labels';
import { useApi } from '../../../lib/use-api';
import { useTitle } from '../../../lib/use-title';
import { fetchDocumentBundle } from '../api/documents';
import { OpenFromDocumentButton } from '../../supervision/components/OpenFromDocumentButton';
import { annotateTasks, taskPlaces } from '../components/annotate';
import { TaskTable } from '../components/TaskTable';

const crumbs = [
  { title: '首页', to: '/' },
  { title: '检索', to: '/search' },
];

export function DocumentPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const valid = Number.isInteger(id) && id > 0;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const focusTask = Number(params.get('task')) || null;
  const bundle = useApi(valid ? (signal) => fetchDocumentBundle(id, signal) : null, [id]);
  const [tab, setTab] = useState('body');
  useTitle(bundle.data ? (bundle.data.doc.docNumber ?? bundle.data.doc.title) : '公文');

  const doc = bundle.data?.doc;
  const tasks = bundle.data?.tasks;
  const paragraphs = useMemo(() => (doc ? paragraphsOf(doc.body) : []), [doc]);
  const places = useMemo(() => taskPlaces(paragraphs, tasks ?? []), [paragraphs, tasks]);
  const annotate = useMemo(() => annotateTasks(tasks ?? [], places), [tasks, places]);

  const locate = (task: TaskView) => {
    const first = places.get(task.id)?.[0];
    if (first === undefined) return;
    setTab('body');
    requestAnimationFrame(() => showParagraph(first));
  };

  // A search hit on a task opens the document at that task.
  useEffect(() => {
    if (!focusTask || !tasks) return;
    const task = tasks.find((t) => t.id === focusTask);
    if (task) locate(task);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusTask, tasks]);

  if (!valid) return <NotFound standalone message="公文编号有误" />;
  if (bundle.error) return <ErrorResult standalone error={bundle.error} onRetry={bundle.reload} />;
  if (!doc || !bundle.data)
    return (
      <PageContainer title="正在加载公文…" windowTitle="公文" crumb="公文" breadcrumb={crumbs}>
        <Skeleton active paragraph={{ rows: 12 }} />
      </PageContainer>
    );

  return (
    <PageContainer
      title={titleOf(doc.title)}
      crumb="公文"
      windowTitle={doc.docNumber ?? titleOf(doc.title)}
      breadcrumb={crumbs}
      extra={
        <Space wrap>
          <OpenFromDocumentButton documentId={doc.id} />
          <Button icon={<PrinterOutlined />} onClick={() => navigate(`/documents/${doc.id}/print`)}>
            打印版式
          </Button>
        </Space>
      }
    >
      <DocumentReader
        doc={doc}
        outline={bundle.data.outline}
        linkTo={(target, children) => <Link to={`/documents/${target}`}>{children}</Link>}
        annotate={annotate}
        activeTab={tab}
        onTabChange={setTab}
        extraTabs={[
          {
            key: 'tasks',
            label: `任务清单（${bundle.data.tasks.length}）`,
            children: <TaskTable tasks={bundle.data.tasks} onLocate={locate} locatable={(t) => (places.get(t.id)?.length ?? 0) > 0} />,
          },
        ]}
      />
    </PageContainer>
  );
}
