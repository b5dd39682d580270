import { Card, Col, Empty, Row } from 'antd';
import { useMemo } from 'react';
import { type ChartOption, EChart } from '../../../components/EChart';
import type { Facet } from '../../../lib/api-types';

const PALETTE = ['#1a56b0', '#d46b08', '#389e0d', '#c41d7f', '#08979c', '#7cb305', '#531dab', '#cf1322', '#ad8b00', '#595959'];

/** In words, the few largest values, for the chart's accessible name. */
function describe(what: string, facets: readonly Facet[]): string {
  if (facets.length === 0) return `${what}：暂无数据`;
  const top = [...facets].sort((a, b) => b.count - a.count).slice(0, 5);
  return `${what}：${top.map((f) => `${f.value} ${f.count} 份`).join('，')}${facets.length > 5 ? ' 等' : ''}`;
}

function ChartCard({ title, facets, option, height }: { title: string; facets: readonly Facet[]; option: ChartOption; height?: number }) {
  return (
    <Card size="small" title={<h2 className="card-title">{title}</h2>} className="chart-card">
      {facets.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" /> : <EChart option={option} label={describe(title, facets)} height={height} />}
    </Card>
  );
}

export function StatsCharts({ byKind, byYear, byIssuer }: { byKind: Facet[]; byYear: Facet[]; byIssuer: Facet[] }) {
  const kindOption = useMemo<ChartOption>(
    () => ({
      color: PALETTE,
      tooltip: { trigger: 'item', formatter: '{b}：{c} 份（{d}%）' },
      legend: { type: 'scroll', bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['38%', '64%'],
          center: ['50%', '44%'],
          avoidLabelOverlap: true,
          label: { formatter: '{b}\n{c}' },
          data: byKind.map((f) => ({ name: f.value || '未识别', value: f.count })),
        },
      ],
    }),
    [byKind],
  );
  const years = useMemo(() => [...byYear].sort((a, b) => a.value.localeCompare(b.value)), [byYear]);
  const yearOption = useMemo<ChartOption>(
    () => ({
      color: PALETTE,
      tooltip: { trigger: 'axis', formatter: '{b}年：{c} 份' },
      grid: { left: 40, right: 16, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: years.map((f) => f.value) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', barMaxWidth: 36, data: years.map((f) => f.count), label: { show: true, position: 'top' } }],
    }),
    [years],
  );
  const issuers = useMemo(() => [...byIssuer].sort((a, b) => b.count - a.count).slice(0, 10).reverse(), [byIssuer]);
  const issuerOption = useMemo<ChartOption>(
    () => ({
      color: ['#08979c'],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: '{b}：{c} 份' },
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: issuers.map((f) => f.value),
        axisLabel: { width: 150, overflow: 'truncate' },
      },
      series: [{ type: 'bar', barMaxWidth: 20, data: issuers.map((f) => f.count), label: { show: true, position: 'right' } }],
    }),
    [issuers],
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <ChartCard title="按文种" facets={byKind} option={kindOption} />
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard title="按年份" facets={byYear} option={yearOption} />
      </Col>
      <Col xs={24}>
        <ChartCard title="按发文机关（前十）" facets={byIssuer} option={issuerOption} height={Math.max(200, issuers.length * 32 + 24)} />
      </Col>
    </Row>
  );
}
