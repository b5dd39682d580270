import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Checkbox, Result, Space, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { flattenOutline, headParagraphs, locateHeadings, paragraphsOf } from '../../../components/document/body-model';
import { ErrorResult } from '../../../components/ErrorResult';
import type { TaskView } from '../../../lib/api-types';
import { chineseDate } from '../../../lib/format';
import { PROVISIONAL_LABEL, titleOf, VALIDITY_LABEL } from '../../../lib/labels';
import { useApi } from '../../../lib/use-api';
import { useTitle } from '../../../lib/use-title';
import { fetchDocumentBundle } from '../api/documents';

const names = (units: TaskView['leads']) => units.map((u) => u.name).join('、') || '—';

/**
 * The document laid out for A4 after GB/T 9704: masthead, 发文字号, red rule, title, 主送, body in
 * 仿宋, headings in 黑体 and 楷体, then optionally the task ledger. No app chrome; the toolbar
 * does not print.
 */
export function PrintPage() {
  const id = Number(useParams().id);
  const bundle = useApi((signal) => fetchDocumentBundle(id, signal), [id]);
  const [withTasks, setWithTasks] = useState(true);
  const doc = bundle.data?.doc;
  useTitle(doc ? `打印：${doc.docNumber ?? doc.title}` : '打印');

  const paragraphs = useMemo(() => (doc ? paragraphsOf(doc.body) : []), [doc]);
  const depthAt = useMemo(() => {
    const headings = flattenOutline(bundle.data?.outline ?? []);
    const byKey = new Map(headings.map((h) => [h.key, h.depth]));
    const out = new Map<number, number>();
    for (const [key, index] of locateHeadings(paragraphs, headings)) if (!out.has(index)) out.set(index, byKey.get(key) ?? 1);
    return out;
  }, [bundle.data, paragraphs]);

  if (bundle.error)
    return (
      <main id="main-content" className="print-shell">
        <ErrorResult standalone error={bundle.error} onRetry={bundle.reload} />
      </main>
    );
  if (!doc || !bundle.data)
    return (
      <main id="main-content" className="print-shell">
        <Spin description="正在加载…" />
      </main>
    );

  // The body opens with what the masthead shows (issuer, title, 文号, date): printed once.
  const offset = headParagraphs(paragraphs, { issuer: doc.issuer, title: doc.title, docNumber: doc.docNumber, dateText: doc.date ? chineseDate(doc.date) : null });
  const body = paragraphs.slice(offset);
  // The 主送 line is printed from the elements unless the body carries it already.
  const firstRecipient = doc.recipients[0];
  const recipientsInBody = firstRecipient !== undefined && (body[0] ?? '').startsWith(firstRecipient);
  const tasks = bundle.data.tasks;

  return (
    <div className="print-root">
      <header className="print-toolbar no-print" aria-label="打印操作">
        <Space wrap>
          <Link to={`/documents/${doc.id}`}>
            <ArrowLeftOutlined aria-hidden /> 返回公文
          </Link>
          {tasks.length > 0 && (
            <Checkbox checked={withTasks} onChange={(e) => setWithTasks(e.target.checked)}>
              附任务清单（{tasks.length} 项）
            </Checkbox>
          )}
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印
          </Button>
        </Space>
      </header>
      <main id="main-content" className="print-sheet">
        <article>
          {doc.issuer.length > 0 && <div className="gw-masthead">{doc.issuer.join(' ')}</div>}
          {doc.docNumber && <div className="gw-number">{doc.docNumber}</div>}
          <hr className="gw-rule" />
          <h1 className="gw-title">{titleOf(doc.title)}</h1>
          {doc.recipients.length > 0 && !recipientsInBody && <p className="gw-recipients">{doc.recipients.join('、')}：</p>}
          {body.map((p, i) => {
            const depth = depthAt.get(i + offset);
            return (
              <p key={i} className={depth ? `gw-para gw-h${Math.min(depth, 3)}` : 'gw-para'}>
                {p}
              </p>
            );
          })}
          {doc.attachments.length > 0 && (
            <div className="gw-attachments">
              <p className="gw-para">附件：{doc.attachments.length === 1 ? doc.attachments[0] : ''}</p>
              {doc.attachments.length > 1 && (
                <ol>
                  {doc.attachments.map((a) => (
                    <li key={a}>{a}</li>
                  ))}
                </ol>
              )}
            </div>
          )}
          <div className="gw-signoff">
            {doc.issuer[0] && <div>{doc.issuer[0]}</div>}
            {doc.date && <div>{chineseDate(doc.date)}</div>}
          </div>
          {doc.publicity && <p className="gw-publicity">（{doc.publicity.replace(/^（|）$/g, '')}）</p>}
          <p className="gw-note">
            效力：{VALIDITY_LABEL[doc.validity]}
            {doc.provisional ? `（${PROVISIONAL_LABEL}）` : ''}　来源：{doc.source}
          </p>
        </article>
        {withTasks && tasks.length > 0 && (
          <section className="gw-ledger">
            <h2 className="gw-ledger-title">任务清单</h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">序号</th>
                  <th scope="col">任务</th>
                  <th scope="col">牵头单位</th>
                  <th scope="col">责任单位</th>
                  <th scope="col">配合单位</th>
                  <th scope="col">完成时限</th>
                </tr>
              </thead>
              <tbody>
                {tasks.map((t, i) => (
                  <tr key={t.id}>
                    <td>{i + 1}</td>
                    <td>{t.text}</td>
                    <td>{names(t.leads)}</td>
                    <td>{names(t.responsible)}</td>
                    <td>{names(t.cooperating)}</td>
                    <td>{t.deadline?.text ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        {body.length === 0 && <Result status="info" title="本文无正文" />}
      </main>
    </div>
  );
}
