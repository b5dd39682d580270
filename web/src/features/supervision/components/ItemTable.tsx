import { Grid, Progress, Table, type TableColumnsType, type TableProps, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ItemView } from '../../../lib/api-types';
import { DeadlineText } from './DeadlineText';
import { ItemUnits } from './ItemUnits';
import { LightDot, StateTags } from './StatusTags';

const columns = (showLedger: boolean): TableColumnsType<ItemView> => [
  { title: '灯', key: 'light', width: 84, render: (_v, i) => <LightDot light={i.light} /> },
  {
    title: '督办事项',
    key: 'text',
    width: 360,
    render: (_v, i) => (
      <div className="sv-item-cell">
        <Link to={`/supervision/items/${i.id}`} className="sv-item-link">
          <Typography.Paragraph ellipsis={{ rows: 3 }} className="sv-item-text">
            {i.seq}. {i.text}
          </Typography.Paragraph>
        </Link>
        {showLedger && (
          <Typography.Text type="secondary" className="sv-item-ledger">
            {i.ledgerTitle}
          </Typography.Text>
        )}
      </div>
    ),
  },
  { title: '承办单位', key: 'units', width: 240, render: (_v, i) => <ItemUnits units={i.units} compact signed={i.state !== 'draft'} /> },
  { title: '完成时限', key: 'deadline', width: 150, render: (_v, i) => <DeadlineText deadline={i.deadline} text={i.deadlineText} /> },
  { title: '状态', key: 'state', width: 110, render: (_v, i) => <StateTags state={i.state} overdue={i.overdue} /> },
  {
    title: '最新进展',
    key: 'report',
    width: 240,
    render: (_v, i) =>
      i.latestReport ? (
        <div>
          <Typography.Paragraph ellipsis={{ rows: 2 }} className="sv-report-text">
            {i.latestReport.progress}
          </Typography.Paragraph>
          <Progress percent={i.latestReport.percent} size="small" aria-label={`完成 ${i.latestReport.percent}%`} />
        </div>
      ) : (
        <Typography.Text type="secondary">暂无</Typography.Text>
      ),
  },
];

/** On a phone: one column, each item stacked (text, then state, light and deadline, then units). */
const narrowColumns = (showLedger: boolean): TableColumnsType<ItemView> => [
  {
    title: '督办事项',
    key: 'item',
    render: (_v, i) => (
      <div className="sv-item-stack">
        <Link to={`/supervision/items/${i.id}`} className="sv-item-link">
          <Typography.Paragraph ellipsis={{ rows: 3 }} className="sv-item-text">
            {i.seq}. {i.text}
          </Typography.Paragraph>
        </Link>
        {showLedger && (
          <Typography.Text type="secondary" className="sv-item-ledger">
            {i.ledgerTitle}
          </Typography.Text>
        )}
        <div className="sv-item-stack-meta">
          <StateTags state={i.state} overdue={i.overdue} />
          <LightDot light={i.light} />
          <DeadlineText deadline={i.deadline} text={i.deadlineText} />
        </div>
        <ItemUnits units={i.units} compact signed={i.state !== 'draft'} />
        {i.latestReport && <Progress percent={i.latestReport.percent} size="small" aria-label={`完成 ${i.latestReport.percent}%`} />}
      </div>
    ),
  },
];

type Props = Omit<TableProps<ItemView>, 'columns' | 'dataSource' | 'rowKey' | 'locale'> & { items: readonly ItemView[]; showLedger?: boolean; empty?: string };

/** Items as the ledger lists them: light, text (a link to the item), units, deadline, state, latest progress. */
export function ItemTable({ items, showLedger = true, empty = '没有符合条件的督办事项', ...rest }: Props) {
  const narrow = Grid.useBreakpoint().md === false;
  if (narrow) return <Table<ItemView> rowKey="id" size="small" columns={narrowColumns(showLedger)} dataSource={[...items]} locale={{ emptyText: <EmptyText text={empty} /> }} {...rest} />;
  return (
    <Table<ItemView>
      rowKey="id"
      size="middle"
      columns={columns(showLedger)}
      dataSource={[...items]}
      // An empty table does not scroll: a scrolling region with nothing to focus in it is out of reach of the keyboard.
      scroll={items.length > 0 ? { x: 1100 } : undefined}
      locale={{ emptyText: <EmptyText text={empty} /> }}
      {...rest}
    />
  );
}

/** What an empty table says, in a grey dark enough to read (Ant Design's placeholder is too faint). */
export function EmptyText({ text }: { text: string }) {
  return <span className="sv-empty">{text}</span>;
}
