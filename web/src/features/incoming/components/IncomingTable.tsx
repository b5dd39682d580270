import { Grid, Table, type TableColumnsType, type TableProps, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import type { IncomingView } from '../../../lib/api-types';
import { chineseDate } from '../../../lib/format';
import { INCOMING_STATE_COLOR, INCOMING_STATE_LABEL } from '../../../lib/labels';

const dash = (v: string | null) => v || '—';

export function StateTag({ incoming }: { incoming: IncomingView }) {
  return (
    <Tag color={INCOMING_STATE_COLOR[incoming.state]}>
      {INCOMING_STATE_LABEL[incoming.state]}
      {incoming.state === 'reviewed' && incoming.kind ? `·${incoming.kind}` : ''}
    </Tag>
  );
}

/** The state, and "传阅中" while a recipient has not yet marked it 已阅. */
function StateTags({ incoming }: { incoming: IncomingView }) {
  return (
    <span className="inc-state-tags">
      <StateTag incoming={incoming} />
      {incoming.circulating && <Tag color="geekblue">传阅中</Tag>}
    </span>
  );
}

/** Who holds it now: the leaders whose turn it is, or the recipients who have not read it. */
function Holders({ incoming }: { incoming: IncomingView }) {
  return incoming.holders.length > 0 ? <span className="inc-holders">{incoming.holders.join('、')}</span> : <>—</>;
}

/** The 运转号 is the row's link: a keyboard reaches every registration by Tab and opens it by Enter. */
const serialLink = (i: IncomingView) => (
  <Link to={`/incoming/${i.id}`} className="inc-serial" aria-label={`${i.serial} ${i.title}`}>
    {i.serial}
  </Link>
);

// The widths leave the title about 190 px at 1366 px (the content is 1110 px wide beside the menu).
const columns: TableColumnsType<IncomingView> = [
  { title: '运转号', key: 'serial', width: 104, render: (_v, i) => serialLink(i) },
  { title: '收文日期', key: 'receivedOn', width: 116, render: (_v, i) => chineseDate(i.receivedOn) },
  { title: '来文单位', key: 'fromUnit', width: 156, render: (_v, i) => dash(i.fromUnit) },
  { title: '文号', key: 'docNumber', width: 164, render: (_v, i) => dash(i.docNumber) },
  { title: '标题', key: 'title', render: (_v, i) => <Typography.Paragraph ellipsis={{ rows: 2 }} className="inc-title-cell">{i.title}</Typography.Paragraph> },
  { title: '紧急程度', key: 'urgency', width: 80, render: (_v, i) => (i.urgency ? <Tag color="red">{i.urgency}</Tag> : '—') },
  { title: '密级', key: 'secrecy', width: 64, render: (_v, i) => dash(i.secrecy) },
  { title: '状态', key: 'state', width: 100, render: (_v, i) => <StateTags incoming={i} /> },
  { title: '当前持有', key: 'holders', width: 130, render: (_v, i) => <Holders incoming={i} /> },
];

/** On a phone: one column, each registration stacked (运转号 and state, title, then sender and number). */
const narrowColumns: TableColumnsType<IncomingView> = [
  {
    title: '收文',
    key: 'stack',
    render: (_v, i) => (
      <div className="inc-stack">
        <div className="inc-stack-head">
          {serialLink(i)}
          <StateTags incoming={i} />
          {i.urgency && <Tag color="red">{i.urgency}</Tag>}
        </div>
        <div className="inc-stack-title">{i.title}</div>
        {i.holders.length > 0 && <div className="inc-stack-meta">当前在：{i.holders.join('、')}</div>}
        <Typography.Text type="secondary" className="inc-stack-meta">
          {chineseDate(i.receivedOn)} · {dash(i.fromUnit)}
          {i.docNumber ? ` · ${i.docNumber}` : ''}
          {i.secrecy ? ` · ${i.secrecy}` : ''}
        </Typography.Text>
      </div>
    ),
  },
];

/** The 收文簿's rows; a click anywhere on a row opens the registration as its link does. */
export function IncomingTable({ items, loading, pagination }: { items: IncomingView[]; loading: boolean; pagination: TableProps<IncomingView>['pagination'] }) {
  const narrow = Grid.useBreakpoint().md === false;
  const navigate = useNavigate();
  return (
    <Table<IncomingView>
      rowKey="id"
      size="middle"
      className="inc-table"
      columns={narrow ? narrowColumns : columns}
      dataSource={items}
      loading={loading}
      pagination={pagination}
      scroll={narrow ? undefined : { x: 1100 }}
      locale={{ emptyText: '没有符合条件的收文' }}
      onRow={(i) => ({
        onClick: (e) => {
          // A click on the link itself is the link's; elsewhere in the row it does the same.
          if ((e.target as HTMLElement).closest('a')) return;
          navigate(`/incoming/${i.id}`);
        },
        className: 'inc-row',
      })}
    />
  );
}
