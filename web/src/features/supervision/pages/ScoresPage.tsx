import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Grid, List, Skeleton, Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorResult } from '../../../components/ErrorResult';
import { PageContainer } from '../../../components/PageContainer';
import type { Scores, ScoreEventView } from '../../../lib/api-types';
import { chineseDate } from '../../../lib/format';
import { officeToday } from '../../../lib/server-clock';
import '../office.css';
import { useApi } from '../../../lib/use-api';
import { fetchScores, scoresXlsxUrl } from '../api/office';
import { EmptyText } from '../components/ItemTable';
import { pointsText } from '../components/periods';
import { ScrollRegion } from '../components/ScrollRegion';

type UnitScore = Scores['units'][number];

const points = (n: number) => <span className={n > 0 ? 'sv-points-plus' : n < 0 ? 'sv-points-minus' : undefined}>{pointsText(n)}</span>;

const eventColumns: TableColumnsType<ScoreEventView> = [
  { title: '日期', dataIndex: 'date', width: 120, render: (d: string) => chineseDate(d) },
  { title: '事由', dataIndex: 'label', width: 96 },
  { title: '分值', dataIndex: 'points', width: 72, align: 'right', render: (n: number) => points(n) },
  {
    title: '督办事项',
    key: 'item',
    width: 300,
    render: (_v, e) =>
      e.itemId !== null ? (
        <Link to={`/supervision/items/${e.itemId}`}>
          <Typography.Paragraph ellipsis={{ rows: 2 }} className="sv-item-text">
            {e.itemText ?? `事项 ${e.itemId}`}
          </Typography.Paragraph>
        </Link>
      ) : (
        <Typography.Text type="secondary">—</Typography.Text>
      ),
  },
  { title: '说明', dataIndex: 'detail', width: 260 },
];

const eventKey = (e: ScoreEventView) => `${e.rule}-${e.date}-${e.itemId ?? ''}-${e.detail}`;

/** Every point of one unit's score, the day it was earned or lost, and the item it came from. */
function ScoreEvents({ unit, narrow }: { unit: UnitScore; narrow: boolean }) {
  const label = `${unit.unit}的计分明细`;
  // On a phone a five-column table would hide the item: each event stacked instead.
  if (narrow)
    return (
      <section aria-label={label} className="sv-score-events">
        <Typography.Text>
          加分 {points(unit.plus)}，减分 {points(unit.minus)}
        </Typography.Text>
        <List<ScoreEventView>
          size="small"
          dataSource={unit.events}
          renderItem={(e) => (
            <List.Item key={eventKey(e)}>
              <div className="min-w-0">
                <div className="sv-tags">
                  <strong>{e.label}</strong> {points(e.points)} <Typography.Text type="secondary">{chineseDate(e.date)}</Typography.Text>
                </div>
                {e.itemId !== null && <Link className="sv-score-item" to={`/supervision/items/${e.itemId}`}>{e.itemText ?? `事项 ${e.itemId}`}</Link>}
                <div>
                  <Typography.Text type="secondary">{e.detail}</Typography.Text>
                </div>
              </div>
            </List.Item>
          )}
        />
      </section>
    );
  return (
    <ScrollRegion label={label} minWidth={820}>
      <Table<ScoreEventView>
        rowKey={eventKey}
        size="small"
        columns={eventColumns}
        dataSource={unit.events}
        pagination={false}
        className="sv-score-events"
        locale={{ emptyText: <EmptyText text="没有计分事由" /> }}
      />
    </ScrollRegion>
  );
}

/** 考核: each unit's score for the year, and (open a row) every point traced to its event. */
export function ScoresPage() {
  const [params, setParams] = useSearchParams();
  const thisYear = Number(officeToday().slice(0, 4));
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2999 ? asked : thisYear;
  const scores = useApi((signal) => fetchScores(year, signal), [year]);
  const data = scores.data;
  const narrow = Grid.useBreakpoint().md === false;

  const columns: TableColumnsType<UnitScore> = [
    { title: '排名', dataIndex: 'rank', width: 56, align: 'center' },
    { title: '单位', dataIndex: 'unit', width: narrow ? undefined : 240 },
    { title: '得分', dataIndex: 'total', width: 72, align: 'right', render: (n: number) => <strong>{n}</strong> },
    // On a phone the plus and minus are in the opened row; the unit and its score stay in view.
    ...(narrow
      ? []
      : ([
          { title: '加分', dataIndex: 'plus', width: 72, align: 'right', render: (n: number) => points(n) },
          { title: '减分', dataIndex: 'minus', width: 72, align: 'right', render: (n: number) => points(n) },
          { title: '计分事由', key: 'events', width: 90, align: 'right', render: (_v, u) => `${u.events.filter((e) => e.rule !== 'base').length} 条` },
        ] satisfies TableColumnsType<UnitScore>)),
  ];

  return (
    <PageContainer
      title={`${year}年度督查督办考核`}
      crumb="考核"
      breadcrumb={[{ title: '首页', to: '/' }, { title: '督办台账', to: '/supervision' }]}
      extra={
        <>
          <DatePicker picker="year" aria-label="考核年度" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && setParams({ year: d.format('YYYY') })} />{' '}
          <Button icon={<DownloadOutlined />} href={scoresXlsxUrl(year)} download disabled={!data}>
            导出考核表
          </Button>
        </>
      }
    >
      {scores.error ? (
        <ErrorResult error={scores.error} onRetry={scores.reload} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            基础分 {data.base} 分，按督办规则加减分，截至 {chineseDate(data.asOf)}。展开一行可查看每一分的事由和对应事项。
          </Typography.Paragraph>
          <Card size="small" className="sv-card">
            <Table<UnitScore>
              rowKey="unit"
              size="small"
              columns={columns}
              dataSource={data.units}
              pagination={false}
              expandable={{ expandedRowRender: (u) => <ScoreEvents unit={u} narrow={narrow} />, rowExpandable: (u) => u.events.length > 0 }}
              locale={{ emptyText: <EmptyText text={`${year}年还没有参加考核的单位`} /> }}
            />
          </Card>
        </>
      )}
    </PageContainer>
  );
}
