import { ApartmentOutlined, FileTextOutlined, IdcardOutlined, ScheduleOutlined, SolutionOutlined } from '@ant-design/icons';
import { Card, Col, Input, Row, Skeleton, Statistic } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { DocumentList } from '../../../components/document/DocumentList';
import { ErrorResult } from '../../../components/ErrorResult';
import { PageContainer } from '../../../components/PageContainer';
import type { Stats } from '../../../lib/api-types';
import { useApi } from '../../../lib/use-api';
import { fetchStats } from '../api/stats';

// ECharts lives in this chunk only, and loads after the figures are on screen.
const StatsCharts = lazy(() => import('../components/StatsCharts').then((m) => ({ default: m.StatsCharts })));

const COUNTS: { key: keyof Pick<Stats, 'documents' | 'tasks' | 'appointments' | 'chronicle' | 'units'>; title: string; icon: ReactNode; to: string; suffix: string }[] = [
  { key: 'documents', title: '公文', icon: <FileTextOutlined />, to: '/search', suffix: '份' },
  { key: 'tasks', title: '任务', icon: <SolutionOutlined />, to: '/search?kind=task', suffix: '项' },
  { key: 'appointments', title: '人事任免', icon: <IdcardOutlined />, to: '/appointments', suffix: '条' },
  { key: 'chronicle', title: '大事记', icon: <ScheduleOutlined />, to: '/chronicle', suffix: '条' },
  { key: 'units', title: '单位', icon: <ApartmentOutlined />, to: '/units', suffix: '个' },
];

export function HomePage() {
  const navigate = useNavigate();
  const stats = useApi((signal) => fetchStats(signal), []);
  const data = stats.data;

  return (
    <PageContainer title="首页" windowTitle="首页">
      <Card size="small" className="home-search">
        <Input.Search
          className="search-box"
          placeholder="输入标题、文号、单位或任意词句，例如 通政办发〔2023〕63号"
          aria-label="检索公文、任务、人事任免和大事记"
          enterButton="检索"
          size="large"
          allowClear
          onSearch={(q) => q.trim() && navigate(`/search?q=${encodeURIComponent(q.trim())}`)}
        />
      </Card>
      {stats.error ? (
        <Card size="small" className="home-section">
          <ErrorResult error={stats.error} onRetry={stats.reload} />
        </Card>
      ) : (
        <>
          <section aria-label="数据概况" className="home-section">
            <Row gutter={[16, 16]}>
              {COUNTS.map((c) => (
                <Col key={c.key} flex="1 1 160px">
                  <Link to={c.to} className="stat-link" aria-label={`${c.title}${data ? ` ${data[c.key]} ${c.suffix}` : ''}，查看`}>
                    <Card size="small" hoverable>
                      <Statistic title={c.title} value={data?.[c.key] ?? 0} prefix={c.icon} suffix={c.suffix} loading={stats.loading} />
                    </Card>
                  </Link>
                </Col>
              ))}
            </Row>
          </section>
          <Row gutter={[16, 16]} className="home-section">
            <Col xs={24} xl={10}>
              <Card size="small" title={<h2 className="card-title">最新公文</h2>} extra={<Link to="/search">更多</Link>}>
                {stats.loading ? <Skeleton active /> : <DocumentList items={data?.latest ?? []} linkTo={(id, children) => <Link to={`/documents/${id}`}>{children}</Link>} />}
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              {stats.loading || !data ? (
                <Card size="small">
                  <Skeleton active paragraph={{ rows: 8 }} />
                </Card>
              ) : (
                <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
                  <StatsCharts byKind={data.byKind} byYear={data.byYear} byIssuer={data.byIssuer} />
                </Suspense>
              )}
            </Col>
          </Row>
        </>
      )}
    </PageContainer>
  );
}
