import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Segmented, Select, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ErrorResult } from '../../../components/ErrorResult';
import { PageContainer } from '../../../components/PageContainer';
import { chineseDate } from '../../../lib/format';
import { officeToday } from '../../../lib/server-clock';
import '../office.css';
import { useApi } from '../../../lib/use-api';
import { dispatchXlsxUrl, fetchDispatch } from '../api/office';
import { DispatchTable } from '../components/DispatchTable';
import { halfOf, parsePeriod, periodParam, type DispatchPeriodChoice } from '../components/periods';

/**
 * 分级调度: the office's monthly round over every lead unit (牵头单位), and a lead unit's
 * half-monthly round over the units responsible with it. The period and the unit live in the
 * address, so a table can be sent as a link; a unit user always gets their own unit's table.
 */
export function DispatchPage() {
  const [params, setParams] = useSearchParams();
  const today = officeToday();
  const choice = parsePeriod(params.get('period'), today);
  const lead = params.get('lead') ?? undefined;
  const period = periodParam(choice);
  const table = useApi((signal) => fetchDispatch({ period, lead }, signal), [period, lead]);
  const set = (next: Partial<DispatchPeriodChoice> & { lead?: string | null }) => {
    const p = new URLSearchParams();
    p.set('period', periodParam({ ...choice, ...next }));
    const l = next.lead === undefined ? lead : next.lead;
    if (l) p.set('lead', l);
    setParams(p);
  };
  const data = table.data;
  const counts = useMemo(() => {
    const rows = data?.leads.flatMap((l) => l.rows) ?? [];
    return { total: rows.length, overdue: rows.filter((r) => r.overdue).length, red: rows.filter((r) => r.light === 'red').length };
  }, [data]);

  return (
    <PageContainer
      title="分级调度"
      breadcrumb={[{ title: '首页', to: '/' }, { title: '督办台账', to: '/supervision' }]}
      extra={
        <Button icon={<DownloadOutlined />} href={dispatchXlsxUrl({ period, lead })} download disabled={!data}>
          导出调度表
        </Button>
      }
    >
      <Card size="small" className="sv-card">
        <div className="sv-filters" role="group" aria-label="调度期次">
          <Segmented<'month' | 'half'>
            aria-label="调度方式"
            value={choice.half ? 'half' : 'month'}
            onChange={(v) => set({ half: v === 'half' ? halfOf(choice.month === today.slice(0, 7) ? today : `${choice.month}-01`) : null })}
            options={[
              { value: 'month', label: '月度调度（督查室）' },
              { value: 'half', label: '半月调度（牵头单位）' },
            ]}
          />
          <DatePicker
            picker="month"
            aria-label="调度月份"
            allowClear={false}
            value={dayjs(`${choice.month}-01`)}
            onChange={(d) => d && set({ month: d.format('YYYY-MM') })}
          />
          {choice.half && (
            <Select<1 | 2>
              aria-label="上下半月"
              value={choice.half}
              onChange={(h) => set({ half: h })}
              options={[
                { value: 1, label: '上半月（1–15日）' },
                { value: 2, label: '下半月（16日至月末）' },
              ]}
              className="sv-filter"
            />
          )}
          {data && data.units.length > 1 && (
            <Select<string>
              aria-label="牵头单位"
              allowClear
              showSearch
              placeholder="全部牵头单位"
              value={lead}
              onChange={(v) => set({ lead: v ?? null })}
              options={data.units.map((u) => ({ value: u, label: u }))}
              className="sv-filter-unit"
            />
          )}
        </div>
        {data && (
          <div className="sv-ledger-line">
            <Tag color="blue">{data.period}</Tag>
            <Typography.Text type="secondary">
              {chineseDate(data.from)} 至 {chineseDate(data.to)}，截至 {chineseDate(data.asOf)}；{data.leads.length} 个牵头单位，{counts.total} 项事项，超期 {counts.overdue} 项，红灯 {counts.red} 项
            </Typography.Text>
          </div>
        )}
      </Card>
      {table.error ? (
        <ErrorResult error={table.error} onRetry={table.reload} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : data.leads.length === 0 ? (
        <Card>
          <Empty description="本期没有需要调度的督办事项" />
        </Card>
      ) : (
        <div className="sv-dispatch">
          {data.leads.map((l) => (
            <Card
              key={l.unit}
              size="small"
              className="sv-dispatch-lead"
              title={<h2 className="card-title">{l.unit}</h2>}
              extra={
                <Typography.Text type="secondary">
                  {l.rows.length} 项{l.rows.some((r) => r.overdue) ? `，超期 ${l.rows.filter((r) => r.overdue).length} 项` : ''}
                </Typography.Text>
              }
            >
              <DispatchTable rows={l.rows} />
            </Card>
          ))}
        </div>
      )}
    </PageContainer>
  );
}
