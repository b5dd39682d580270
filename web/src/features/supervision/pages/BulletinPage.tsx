import { DownloadOutlined, NotificationOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Empty, Grid, List, Popconfirm, Row, Skeleton, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorResult, NotFound } from '../../../components/ErrorResult';
import { PageContainer } from '../../../components/PageContainer';
import type { BulletinView, PublishedBulletin } from '../../../lib/api-types';
import { useCan } from '../../../lib/authorization';
import { beijingTime, chineseDate, chineseMonth } from '../../../lib/format';
import { officeToday } from '../../../lib/server-clock';
import '../office.css';
import { useApi } from '../../../lib/use-api';
import { bulletinDocxUrl, fetchBulletin, fetchBulletins, publishBulletin } from '../api/office';
import { BulletinChart, BulletinTable } from '../components/BulletinRanking';
import { EmptyText } from '../components/ItemTable';
import { isMonth, monthOf, percentText, previousMonth } from '../components/periods';
import { useAction } from '../components/use-action';

const crumbs = [
  { title: '首页', to: '/' },
  { title: '督办台账', to: '/supervision' },
];

/**
 * 月通报: a month's figures per unit, the 红榜 and 黑榜, the overdue items by name. Until the office
 * publishes it (第N期, a snapshot that no longer follows the items) it is a preview computed now.
 * Without a month in the address it shows the last month that is over.
 */
export function BulletinPage() {
  const { month: raw } = useParams();
  const navigate = useNavigate();
  const manage = useCan()('supervision.manage');
  const thisMonth = monthOf(officeToday());
  const month = raw ?? previousMonth(thisMonth);
  const valid = isMonth(month);
  const bulletin = useApi(valid ? (signal) => fetchBulletin(month, signal) : null, [month]);
  const published = useApi((signal) => fetchBulletins(signal), []);
  const { run, busy } = useAction(() => {
    bulletin.reload();
    published.reload();
  });

  if (!valid) return <NotFound standalone message="月份应写作 YYYY-MM（如 2026-11）" />;
  const data = bulletin.data;
  const notOver = month >= thisMonth;
  const publishBlocked = data?.number ? `已发布为${data.number}` : notOver ? `${chineseMonth(month)}尚未结束，月通报须在次月发布` : undefined;
  const title = `${chineseMonth(month)}督查通报`;

  return (
    <PageContainer
      title={title}
      crumb="月通报"
      breadcrumb={crumbs}
      extra={
        <Space wrap>
          <DatePicker
            picker="month"
            aria-label="通报月份"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && navigate(`/supervision/bulletins/${d.format('YYYY-MM')}`)}
          />
          <Button icon={<DownloadOutlined />} href={bulletinDocxUrl(month)} download disabled={!data}>
            {data?.number ? `下载${data.number}` : '下载通报（预览稿）'}
          </Button>
          {manage && (
            <Tooltip title={publishBlocked}>
              <span>
                <Popconfirm
                  title={`发布${chineseMonth(month)}督查通报？`}
                  description="发布后编为本年度下一期，内容固定为发布时的数据，不再随事项变化，也不能撤回。"
                  okText="发布"
                  cancelText="取消"
                  onConfirm={() => void run(() => publishBulletin(month), '已发布月通报')}
                  disabled={!!publishBlocked || !data}
                >
                  <Button type="primary" icon={<NotificationOutlined />} disabled={!!publishBlocked || !data} loading={busy}>
                    发布通报
                  </Button>
                </Popconfirm>
              </span>
            </Tooltip>
          )}
        </Space>
      }
    >
      {bulletin.error ? (
        <ErrorResult error={bulletin.error} onRetry={bulletin.reload} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <BulletinBody data={data} />
      )}
      <PublishedList items={published.data ?? []} loading={published.loading} current={month} />
    </PageContainer>
  );
}

function BulletinBody({ data }: { data: BulletinView }) {
  const narrow = Grid.useBreakpoint().md === false;
  const lists = { red: data.red, black: data.black };
  return (
    <>
      <div className="sv-ledger-line">
        {data.number ? <Tag color="blue">{data.number}</Tag> : <Tag color="gold">预览（未发布）</Tag>}
        <Typography.Text type="secondary">
          {data.number ? `${beijingTime(data.publishedAt)} 发布，数据截至 ${chineseDate(data.asOf)}，发布后不再变化` : `按现有数据计算，截至 ${chineseDate(data.asOf)}；发布前会随事项办理而变化`}
        </Typography.Text>
      </div>
      <Row gutter={[12, 12]} className="sv-totals">
        {(
          [
            ['督办事项', data.totals.items, undefined],
            ['已办结', data.totals.done, '#389e0d'],
            ['在办', data.totals.open, '#1a56b0'],
            ['超期', data.totals.overdue, data.totals.overdue > 0 ? '#cf1322' : undefined],
          ] as const
        ).map(([label, value, color]) => (
          <Col xs={12} md={6} key={label}>
            <Card size="small">
              <Statistic title={label} value={value} suffix="项" styles={color ? { content: { color } } : undefined} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={<h2 className="card-title">亮晒比评</h2>} className="sv-card">
        <BulletinTable rows={data.rows} lists={lists} />
      </Card>
      <Row gutter={[16, 0]}>
        <Col xs={24} lg={14} className="min-w-0">
          <Card size="small" title={<h2 className="card-title">得分排名</h2>} className="sv-card">
            {data.rows.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" /> : <BulletinChart rows={data.rows} lists={lists} narrow={narrow} />}
          </Card>
        </Col>
        <Col xs={24} lg={10} className="min-w-0">
          <Card size="small" className="sv-card sv-list-red" title={<h2 className="card-title">红榜（按时办结率 ≥ {percentText(data.lists.red)}）</h2>}>
            <UnitList units={data.red} empty="本月无单位上红榜" />
          </Card>
          <Card size="small" className="sv-card sv-list-black" title={<h2 className="card-title">黑榜（按时办结率 &lt; {percentText(data.lists.black)}）</h2>}>
            <UnitList units={data.black} empty="本月无单位上黑榜" />
          </Card>
        </Col>
      </Row>
      <Card size="small" className="sv-card" title={<h2 className="card-title">超期事项（{data.overdueItems.length}）</h2>}>
        {data.overdueItems.length === 0 ? (
          <EmptyText text="本月没有超期事项" />
        ) : (
          <List
            size="small"
            dataSource={data.overdueItems}
            renderItem={(i) => (
              <List.Item key={i.itemId} className="sv-overdue-item">
                <div className="min-w-0">
                  <Link to={`/supervision/items/${i.itemId}`}>{i.text}</Link>
                  <div>
                    <Typography.Text type="secondary">
                      {i.units.join('、')} · 时限 {chineseDate(i.deadline)} · <span className="sv-overdue-count">超期 {i.workdaysOver} 个工作日</span>
                    </Typography.Text>
                  </div>
                </div>
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}

function UnitList({ units, empty }: { units: readonly string[]; empty: string }) {
  if (units.length === 0) return <EmptyText text={empty} />;
  return (
    <ol className="sv-unit-list">
      {units.map((u) => (
        <li key={u}>{u}</li>
      ))}
    </ol>
  );
}

function PublishedList({ items, loading, current }: { items: readonly PublishedBulletin[]; loading: boolean; current: string }) {
  return (
    <Card size="small" className="sv-card" title={<h2 className="card-title">已发布的通报</h2>}>
      <Table<PublishedBulletin>
        rowKey="month"
        size="small"
        loading={loading}
        dataSource={[...items]}
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
        scroll={items.length > 0 ? { x: 640 } : undefined}
        locale={{ emptyText: <EmptyText text="还没有发布过通报" /> }}
        rowClassName={(b) => (b.month === current ? 'sv-row-current' : '')}
        columns={[
          { title: '期号', key: 'number', render: (_v, b) => <Link to={`/supervision/bulletins/${b.month}`}>{b.number}</Link> },
          { title: '月份', key: 'month', render: (_v, b) => chineseMonth(b.month) },
          { title: '办结 / 在办 / 超期', key: 'totals', render: (_v, b) => `${b.totals.done} / ${b.totals.open} / ${b.totals.overdue}` },
          { title: '发布时间', key: 'at', render: (_v, b) => beijingTime(b.publishedAt) },
          { title: '发布人', dataIndex: 'publishedBy' },
        ]}
      />
    </Card>
  );
}
