import { Table, type TableColumnsType, Tag } from 'antd';
import { useMemo } from 'react';
import { type ChartOption, EChart } from '../../../components/EChart';
import type { BulletinRowView } from '../../../lib/api-types';
import { EmptyText } from './ItemTable';
import { percentText } from './periods';
import { ScrollRegion } from './ScrollRegion';

const RED = '#cf1322';
const BLACK = '#262626';
const PLAIN = '#1a56b0';

export interface ListMarks {
  red: readonly string[];
  black: readonly string[];
}

const mark = (unit: string, lists: ListMarks) =>
  lists.red.includes(unit) ? (
    <Tag color="red">红榜</Tag>
  ) : lists.black.includes(unit) ? (
    <Tag color="default" className="sv-black-tag">
      黑榜
    </Tag>
  ) : null;

/** 亮晒比评: each unit's figures, best first (equal scores share a rank). */
export function BulletinTable({ rows, lists }: { rows: readonly BulletinRowView[]; lists: ListMarks }) {
  const columns: TableColumnsType<BulletinRowView> = [
    { title: '排名', dataIndex: 'rank', width: 64, align: 'center' },
    {
      title: '承办单位',
      dataIndex: 'unit',
      width: 240,
      render: (u: string) => (
        <span className="sv-tags">
          {u}
          {mark(u, lists)}
        </span>
      ),
    },
    { title: '承办件数', dataIndex: 'items', width: 90, align: 'right' },
    { title: '办结数', dataIndex: 'done', width: 80, align: 'right' },
    { title: '按时办结率', key: 'onTime', width: 110, align: 'right', render: (_v, r) => percentText(r.onTimeRate) },
    { title: '超期数', dataIndex: 'overdue', width: 80, align: 'right', render: (n: number) => (n > 0 ? <span className="sv-overdue-count">{n}</span> : n) },
    { title: '反馈及时率', key: 'report', width: 110, align: 'right', render: (_v, r) => (r.reportsOwed === 0 ? '—' : `${percentText(r.reportRate)}（${r.reportsOnTime}/${r.reportsOwed}）`) },
    { title: '得分', dataIndex: 'score', width: 80, align: 'right', render: (n: number) => <strong>{n}</strong> },
  ];
  return (
    <ScrollRegion label="各承办单位亮晒比评表" minWidth={800}>
      <Table<BulletinRowView>
        rowKey="unit"
        size="small"
        columns={columns}
        dataSource={[...rows]}
        pagination={false}
        locale={{ emptyText: <EmptyText text="本月没有承办单位" /> }}
        className="sv-bulletin-table"
      />
    </ScrollRegion>
  );
}

/** The ranking as bars, best on top; 红榜 red, 黑榜 black, the rest blue. */
export function BulletinChart({ rows, lists, narrow = false }: { rows: readonly BulletinRowView[]; lists: ListMarks; narrow?: boolean }) {
  const ordered = useMemo(() => [...rows].sort((a, b) => a.rank - b.rank).reverse(), [rows]);
  const option = useMemo<ChartOption>(() => {
    const scores = ordered.map((r) => r.score);
    const low = Math.min(...scores);
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: '{b}：{c} 分' },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      // A bar from 0 would make 100 and 98 look the same: the axis starts a little below the lowest score.
      xAxis: { type: 'value', min: Math.max(0, Math.floor((low - 5) / 10) * 10), splitNumber: narrow ? 3 : 5, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'category', data: ordered.map((r) => `${r.rank}. ${r.unit}`), axisLabel: { width: narrow ? 110 : 180, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          label: { show: true, position: 'right' },
          data: ordered.map((r) => ({ value: r.score, itemStyle: { color: lists.red.includes(r.unit) ? RED : lists.black.includes(r.unit) ? BLACK : PLAIN } })),
        },
      ],
    };
  }, [ordered, lists, narrow]);
  const label = `得分排名：${[...ordered].reverse().slice(0, 5).map((r) => `第${r.rank}名 ${r.unit} ${r.score} 分`).join('，')}${ordered.length > 5 ? ' 等' : ''}`;
  return <EChart option={option} label={label} height={Math.max(160, ordered.length * 30 + 24)} />;
}
