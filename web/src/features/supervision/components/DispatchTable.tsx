import { Progress, Table, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { DispatchRowView } from '../../../lib/api-types';
import { chineseDate } from '../../../lib/format';
import { DeadlineText } from './DeadlineText';
import { EmptyText } from './ItemTable';
import { LightDot, StateTags } from './StatusTags';

const units = (label: string, names: readonly string[]) =>
  names.length > 0 && (
    <div className="sv-units-row">
      <span className="sv-units-role">{label}：</span>
      {names.join('、')}
    </div>
  );

const columns: TableColumnsType<DispatchRowView> = [
  { title: '灯', key: 'light', width: 76, render: (_v, r) => <LightDot light={r.light} /> },
  {
    title: '督办事项',
    key: 'text',
    width: 300,
    render: (_v, r) => (
      <div className="sv-item-cell">
        <Link to={`/supervision/items/${r.itemId}`} className="sv-item-link">
          <Typography.Paragraph ellipsis={{ rows: 3 }} className="sv-item-text">
            {r.seq}. {r.text}
          </Typography.Paragraph>
        </Link>
        <Typography.Text type="secondary" className="sv-item-ledger">
          {r.ledgerTitle}
        </Typography.Text>
      </div>
    ),
  },
  {
    title: '责任 / 配合单位',
    key: 'units',
    width: 170,
    render: (_v, r) =>
      r.responsible.length + r.cooperating.length === 0 ? (
        <Typography.Text type="secondary">—</Typography.Text>
      ) : (
        <div className="sv-units sv-units-compact">
          {units('责任', r.responsible)}
          {units('配合', r.cooperating)}
        </div>
      ),
  },
  { title: '完成时限', key: 'deadline', width: 140, render: (_v, r) => <DeadlineText deadline={r.deadline} text={r.deadlineText} /> },
  { title: '状态', key: 'state', width: 96, render: (_v, r) => <StateTags state={r.state} overdue={r.overdue} /> },
  {
    title: '最新进展',
    key: 'report',
    width: 260,
    render: (_v, r) =>
      r.latestReport ? (
        <div>
          <Typography.Text type="secondary" className="sv-report-when">
            {chineseDate(r.latestReport.on)} · {r.latestReport.unit}
          </Typography.Text>
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: r.latestReport.progress }} className="sv-report-text">
            {r.latestReport.progress}
          </Typography.Paragraph>
          {r.latestReport.problems && r.latestReport.problems !== '无' && (
            <Typography.Paragraph ellipsis={{ rows: 1, tooltip: r.latestReport.problems }} type="secondary" className="sv-report-text">
              问题：{r.latestReport.problems}
            </Typography.Paragraph>
          )}
          <Progress percent={r.latestReport.percent} size="small" aria-label={`完成 ${r.latestReport.percent}%`} />
        </div>
      ) : (
        <Typography.Text type="secondary">本期未报送</Typography.Text>
      ),
  },
];

/** One lead unit's rows of the 调度表; on a phone the table scrolls sideways inside its card. */
export function DispatchTable({ rows }: { rows: readonly DispatchRowView[] }) {
  return (
    <Table<DispatchRowView>
      rowKey="itemId"
      size="small"
      columns={columns}
      dataSource={[...rows]}
      pagination={false}
      scroll={rows.length > 0 ? { x: 1040 } : undefined}
      locale={{ emptyText: <EmptyText text="本期没有在调度范围内的事项" /> }}
    />
  );
}
