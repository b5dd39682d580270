import { Descriptions, Space, Tag, Typography } from 'antd';
import type { DocumentView } from '../../lib/api-types';
import { chineseDate, lineRange } from '../../lib/format';
import { titleOf } from '../../lib/labels';

const none = <Typography.Text type="secondary">无</Typography.Text>;
const list = (items: readonly string[] | undefined, sep = '、') => (items && items.length > 0 ? items.join(sep) : none);

/** The elements of a document (公文要素) as GB/T 9704 names them, then where it was read from. */
export function DocumentElements({ doc, showSource = true }: { doc: DocumentView; showSource?: boolean }) {
  const range = lineRange(doc.line, doc.endLine);
  const items = [
    { key: 'title', label: '标题', children: titleOf(doc.title), span: 'filled' as const },
    { key: 'docNumber', label: '发文字号', children: doc.docNumber ?? none },
    { key: 'date', label: '成文日期', children: doc.date ? chineseDate(doc.date) : none },
    { key: 'issuer', label: '发文机关', children: list(doc.issuer), span: 'filled' as const },
    { key: 'recipients', label: '主送机关', children: list(doc.recipients), span: 'filled' as const },
    { key: 'kind', label: '文种', children: doc.kind ?? none },
    { key: 'publicity', label: '公开属性', children: doc.publicity ?? none },
    {
      key: 'topics',
      label: '主题',
      children:
        doc.topics && doc.topics.length > 0 ? (
          <Space size={[4, 4]} wrap>
            {doc.topics.map((t, i) => (
              <Tag key={t} color={i === 0 ? 'geekblue' : undefined}>
                {t}
              </Tag>
            ))}
            {doc.preferential && <Tag color="gold">惠企政策</Tag>}
          </Space>
        ) : (
          (doc.topic ?? none)
        ),
    },
    {
      key: 'attachments',
      label: '附件',
      span: 'filled' as const,
      children:
        doc.attachments.length > 0 ? (
          <ol className="plain-list">
            {doc.attachments.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ol>
        ) : (
          none
        ),
    },
  ];
  if (doc.distribution.length > 0) items.push({ key: 'distribution', label: '抄送机关', children: list(doc.distribution), span: 'filled' as const });
  if (doc.groups.length > 0) items.push({ key: 'groups', label: '汇编分类', children: list(doc.groups, ' / '), span: 'filled' as const });
  if (showSource)
    items.push({
      key: 'source',
      label: '来源文件',
      span: 'filled' as const,
      children: (
        <span className="break-all">
          {doc.source}
          {range && <Typography.Text type="secondary">（原文{range}）</Typography.Text>}
        </span>
      ),
    });
  return <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }} items={items} className="doc-elements" />;
}
