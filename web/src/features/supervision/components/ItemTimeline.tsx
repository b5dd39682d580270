import { PaperClipOutlined } from '@ant-design/icons';
import { Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ExtensionView, ItemDetail, NoticeView, ReportView } from '../../../lib/api-types';
import { beijingTime, chineseDate, fileSize } from '../../../lib/format';
import { attachmentUrl } from '../api/supervision';
import { DECISION_LABEL, NOTICE_COLOR } from '../../../lib/labels';

interface Entry {
  at: string;
  color: string;
  head: ReactNode;
  body?: ReactNode;
}

function ReportBody({ r }: { r: ReportView }) {
  const rows: [string, string][] = [
    ['工作进展', r.progress],
    ['问题困难', r.problems],
    ['需协调事项', r.coordination],
    ['下一步', r.nextSteps],
  ];
  return (
    <dl className="sv-report">
      {rows
        .filter(([, v]) => v.trim())
        .map(([k, v]) => (
          <div key={k} className="sv-report-row">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      <div className="sv-report-row">
        <dt>完成</dt>
        <dd>{r.percent}%</dd>
      </div>
      {r.attachments.length > 0 && (
        <div className="sv-report-row">
          <dt>附件</dt>
          <dd>
            <ul className="sv-attachments">
              {r.attachments.map((a) => (
                <li key={a.id}>
                  <a href={attachmentUrl(a.id)} download={a.name}>
                    <PaperClipOutlined aria-hidden /> {a.name}
                  </a>{' '}
                  <Typography.Text type="secondary">（{fileSize(a.bytes)}）</Typography.Text>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
    </dl>
  );
}

const extensionEntries = (e: ExtensionView): Entry[] => {
  const out: Entry[] = [
    {
      at: e.requestedAt,
      color: 'orange',
      head: `${e.unit} 申请延期至 ${chineseDate(e.asked)}（${e.requestedBy}）`,
      body: <Typography.Paragraph className="sv-pre">理由：{e.reason}</Typography.Paragraph>,
    },
  ];
  if (e.decision && e.decidedAt)
    out.push({
      at: e.decidedAt,
      color: e.decision === 'approved' ? 'green' : 'red',
      head: `延期申请${DECISION_LABEL[e.decision]}（${e.decidedBy ?? ''}）`,
      body: e.opinion ? <Typography.Paragraph className="sv-pre">意见：{e.opinion}</Typography.Paragraph> : undefined,
    });
  return out;
};

const noticeEntry = (n: NoticeView): Entry => ({
  at: n.date,
  color: 'red',
  head: (
    <span>
      <Tag color={NOTICE_COLOR[n.kind]}>{n.kind}</Tag>
      {n.number} 送 {n.unit}
      {n.copiedTo.length > 0 && `，抄送 ${n.copiedTo.join('、')}`}
    </span>
  ),
  body: <Typography.Text type="secondary">时限 {chineseDate(n.deadline)}{n.readAt ? `，${beijingTime(n.readAt)} 已阅` : '，未阅'}</Typography.Text>,
});

/** The item's life in time order: what was done (history), reports, extensions and the 三单一函. */
export function ItemTimeline({ item }: { item: ItemDetail }) {
  const entries: Entry[] = [
    ...item.history.map((h) => ({ at: h.at, color: 'blue', head: `${h.label}（${h.actor}）` })),
    ...item.reports.map((r) => ({ at: r.submittedAt, color: 'green', head: `${r.unit} 报送进展（${r.submittedBy}）${r.period ? `，${chineseDate(r.period)} 期` : ''}`, body: <ReportBody r={r} /> })),
    ...item.extensions.flatMap(extensionEntries),
    ...item.notices.map(noticeEntry),
  ].sort((a, b) => a.at.localeCompare(b.at));
  if (entries.length === 0) return <Typography.Text type="secondary">暂无记录</Typography.Text>;
  return (
    <Timeline
      items={entries.map((e, i) => ({
        key: i,
        color: e.color,
        content: (
          <div className="sv-timeline-entry">
            <div className="sv-timeline-head">
              <time className="sv-timeline-time">{e.at.length === 10 ? chineseDate(e.at) : beijingTime(e.at)}</time>
              <span>{e.head}</span>
            </div>
            {e.body}
          </div>
        ),
      }))}
    />
  );
}
