import { Grid, Segmented, Select, Space, Spin, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ErrorResult } from '../../../components/ErrorResult';
import { PageContainer } from '../../../components/PageContainer';
import type { RulesView } from '../../../lib/api-types';
import { useCan } from '../../../lib/authorization';
import { officeToday } from '../../../lib/server-clock';
import { useApi } from '../../../lib/use-api';
import { fetchCalendarYears, fetchRules } from '../api/rules-calendar';
import { CalendarYear, SOURCE_TAG } from '../components/CalendarYear';
import { NoticeImport } from '../components/NoticeImport';
import { RulesForm } from '../components/RulesForm';

/** 规则与日历: the supervision rules as data, and the working-day calendar with the holiday notice import. */
export function RulesCalendarPage() {
  const can = useCan();
  // The tab is in the address (?tab=calendar), so a link or a reload opens the same one.
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'calendar' ? 'calendar' : 'rules';
  const rules = useApi((signal) => fetchRules(signal), []);
  const years = useApi((signal) => fetchCalendarYears(signal), []);
  const [saved, setSaved] = useState<RulesView | null>(null);
  const [year, setYear] = useState<number | null>(null);
  // The year shown first: next year once it is listed (the one a notice is awaited for), else this year.
  useEffect(() => {
    if (year !== null || !years.data) return;
    const thisYear = Number(officeToday().slice(0, 4));
    setYear(years.data.years.some((y) => y.year === thisYear + 1) ? thisYear + 1 : thisYear);
  }, [year, years.data]);
  const shown = years.data?.years.find((y) => y.year === year) ?? null;
  const narrow = Grid.useBreakpoint().md === false;
  const yearLabel = (y: { year: number; source: keyof typeof SOURCE_TAG }) => (
    <span>
      {y.year}年 <Tag color={SOURCE_TAG[y.source].color} style={{ marginInlineEnd: 0 }}>{SOURCE_TAG[y.source].label}</Tag>
    </span>
  );

  const rulesTab = rules.error ? (
    <ErrorResult error={rules.error} onRetry={rules.reload} />
  ) : rules.data ? (
    <RulesForm view={saved ?? rules.data} editable={can('supervision.rules')} onSaved={setSaved} />
  ) : (
    <Spin />
  );

  const calendarTab = years.error ? (
    <ErrorResult error={years.error} onRetry={years.reload} />
  ) : (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {can('calendar.manage') && (
        <NoticeImport
          onImported={(r) => {
            setYear(r.year.year);
            years.reload();
          }}
        />
      )}
      {years.data &&
        (narrow ? (
          <Select<number> aria-label="年份" value={year ?? undefined} onChange={setYear} style={{ width: '100%' }} options={years.data.years.map((y) => ({ value: y.year, label: yearLabel(y) }))} />
        ) : (
          <Segmented<number> aria-label="年份" value={year ?? undefined} onChange={setYear} options={years.data.years.map((y) => ({ value: y.year, label: yearLabel(y) }))} />
        ))}
      {shown ? <CalendarYear view={shown} /> : <Spin />}
    </Space>
  );

  return (
    <PageContainer title="规则与日历" breadcrumb={[{ title: '首页', to: '/' }]}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'rules' ? {} : { tab: key }, { replace: true })}
        items={[
          { key: 'rules', label: '督办规则', children: rulesTab },
          { key: 'calendar', label: '工作日历', children: calendarTab },
        ]}
      />
    </PageContainer>
  );
}
