import { Button, Card, DatePicker, Empty, Grid, Skeleton, Space, Timeline } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ErrorResult } from '../../../components/ErrorResult';
import { PageContainer } from '../../../components/PageContainer';
import type { ChronicleEntry } from '../../../lib/api-types';
import { chineseMonth } from '../../../lib/format';
import { useApi } from '../../../lib/use-api';
import { fetchChronicle } from '../api/chronicle';

const LIMIT = 1000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function dayLabel(e: ChronicleEntry): string {
  const d = (s: string) => `${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日`;
  return e.endDate && e.endDate !== e.date ? `${d(e.date)}—${d(e.endDate)}` : d(e.date);
}

/** Entries by month, in date order (the store gives them sorted). */
function byMonth(entries: readonly ChronicleEntry[]): [string, ChronicleEntry[]][] {
  const groups = new Map<string, ChronicleEntry[]>();
  for (const e of entries) {
    const month = e.date.slice(0, 7);
    const list = groups.get(month) ?? [];
    list.push(e);
    groups.set(month, list);
  }
  return [...groups];
}

export function ChroniclePage() {
  const [params, setParams] = useSearchParams();
  const from = DAY.test(params.get('from') ?? '') ? params.get('from')! : undefined;
  const to = DAY.test(params.get('to') ?? '') ? params.get('to')! : undefined;
  const list = useApi((signal) => fetchChronicle({ from, to, limit: LIMIT }, signal), [from, to]);
  const groups = useMemo(() => byMonth(list.data ?? []), [list.data]);
  // The date column: narrow on a wide screen, a third of a phone's width.
  const titleSpan = Grid.useBreakpoint().md === false ? 8 : 3;

  const change = (range: [Dayjs | null, Dayjs | null] | null) => {
    const next = new URLSearchParams();
    if (range?.[0]) next.set('from', range[0].format('YYYY-MM-DD'));
    if (range?.[1]) next.set('to', range[1].format('YYYY-MM-DD'));
    setParams(next);
  };

  return (
    <PageContainer title="大事记" breadcrumb={[{ title: '首页', to: '/' }]}>
      <Card size="small">
        <Space wrap>
          <label htmlFor="chronicle-range">日期范围</label>
          <DatePicker.RangePicker
            id={{ start: 'chronicle-range', end: 'chronicle-range-end' }}
            value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
            onChange={(v) => change(v as [Dayjs | null, Dayjs | null] | null)}
            allowEmpty={[true, true]}
            placeholder={['开始日期', '结束日期']}
          />
          {(from || to) && <Button onClick={() => change(null)}>清除</Button>}
        </Space>
      </Card>
      <Card
        size="small"
        className="home-section"
        title={<h2 className="card-title">{from || to ? `${from ?? '最早'} 至 ${to ?? '最近'}` : '全部大事记'}</h2>}
        extra={list.data && `共 ${list.data.length} 条${list.data.length >= LIMIT ? '（仅显示前 1000 条，请缩小日期范围）' : ''}`}
      >
        {list.error ? (
          <ErrorResult error={list.error} onRetry={list.reload} />
        ) : list.loading ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : groups.length === 0 ? (
          <Empty description={from || to ? '该时间段内暂无大事记' : '暂无大事记'} />
        ) : (
          groups.map(([month, entries]) => (
            <section key={month} className="chronicle-month" aria-labelledby={`m-${month}`}>
              <h3 id={`m-${month}`} className="chronicle-month-title">
                {chineseMonth(month)}
                <span className="muted">（{entries.length} 条）</span>
              </h3>
              <Timeline
                titleSpan={titleSpan}
                items={entries.map((e) => ({
                  key: e.id,
                  title: <span className="chronicle-day">{dayLabel(e)}</span>,
                  content: <p className="chronicle-text">{e.text}</p>,
                }))}
              />
            </section>
          ))
        )}
      </Card>
    </PageContainer>
  );
}
