import { Badge, Card, Grid, Radio, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { ErrorResult } from '../../../components/ErrorResult';
import { PageContainer } from '../../../components/PageContainer';
import type { ItemView, Workbench } from '../../../lib/api-types';
import { useApi } from '../../../lib/use-api';
import { fetchWorkbench } from '../api/supervision';
import { ItemTable } from '../components/ItemTable';

const TABS: { key: keyof Omit<Workbench, 'unit'>; label: string; empty: string; badge: string }[] = [
  { key: 'toSign', label: '待签收', empty: '没有待签收的事项', badge: '#1677ff' },
  { key: 'dueSoon', label: '即将到期', empty: '近期没有到期的事项', badge: '#d48806' },
  { key: 'overdue', label: '已超期', empty: '没有超期事项', badge: '#cf1322' },
  { key: 'returned', label: '被退回', empty: '没有被退回的事项', badge: '#d46b08' },
  { key: 'working', label: '办理中', empty: '没有办理中的事项', badge: '#8c8c8c' },
];

/** 我的任务: a unit's workbench, what to sign for, what is due soon or overdue, what came back. */
export function MinePage() {
  const wb = useApi((signal) => fetchWorkbench(signal), []);
  const [params, setParams] = useSearchParams();
  const narrow = Grid.useBreakpoint().md === false;
  const tab = TABS.find((t) => t.key === params.get('tab'))?.key ?? 'toSign';
  if (wb.error) return <ErrorResult standalone error={wb.error} onRetry={wb.reload} />;
  const list = (key: (typeof TABS)[number]['key']): ItemView[] => wb.data?.[key] ?? [];
  const current = TABS.find((t) => t.key === tab)!;
  const table = (t: (typeof TABS)[number]) => <ItemTable items={list(t.key)} loading={wb.loading} empty={t.empty} pagination={{ pageSize: 20, hideOnSinglePage: true }} />;
  return (
    <PageContainer title="我的任务" breadcrumb={[{ title: '首页', to: '/' }]}>
      {wb.data?.unit && (
        <Typography.Paragraph type="secondary" className="sv-mine-unit">
          {wb.data.unit}
        </Typography.Paragraph>
      )}
      <Card size="small">
        {narrow ? (
          // On a phone five tabs do not fit and Ant Design folds some into a menu: buttons that wrap instead.
          <>
            <Radio.Group
              aria-label="任务分类"
              optionType="button"
              className="sv-mine-switch"
              value={tab}
              onChange={(e) => setParams({ tab: String(e.target.value) }, { replace: true })}
              options={TABS.map((t) => ({ value: t.key, label: `${t.label}（${list(t.key).length}）` }))}
            />
            {table(current)}
          </>
        ) : (
          <Tabs
            activeKey={tab}
            onChange={(k) => setParams({ tab: k }, { replace: true })}
            items={TABS.map((t) => ({
              key: t.key,
              label: (
                <span>
                  {t.label} <Badge count={list(t.key).length} showZero color={list(t.key).length ? t.badge : '#595959'} />
                </span>
              ),
              children: table(t),
            }))}
          />
        )}
      </Card>
    </PageContainer>
  );
}
