import { DownloadOutlined, FileAddOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorResult } from '../../../components/ErrorResult';
import { PageContainer } from '../../../components/PageContainer';
import { useCan } from '../../../lib/authorization';
import { officeToday } from '../../../lib/server-clock';
import { useApi } from '../../../lib/use-api';
import { bookXlsxUrl, fetchIncomingPage } from '../api/incoming';
import { filtersFrom, IncomingFilters, paramsOf } from '../components/IncomingFilters';
import { IncomingTable } from '../components/IncomingTable';
import '../incoming.css';

const PAGE = 20;

/** 收文簿: every registration, newest first, by 系列, 年度 and 状态; a row opens its slip. */
export function RegistryPage() {
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFrom(params), [params]);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const thisYear = Number(officeToday().slice(0, 4));
  const list = useApi((signal) => fetchIncomingPage({ ...filters, limit: PAGE, offset: (page - 1) * PAGE }, signal), [params.toString()]);

  return (
    <PageContainer
      title="收文簿"
      breadcrumb={[{ title: '首页', to: '/' }]}
      extra={
        <Space wrap>
          {can('incoming.register') && (
            <Button type="primary" icon={<FileAddOutlined />} onClick={() => navigate('/incoming/register')}>
              收文登记
            </Button>
          )}
          <Button icon={<DownloadOutlined />} href={bookXlsxUrl(filters)} download>
            导出登记簿
          </Button>
        </Space>
      }
    >
      <Card size="small" className="sv-card">
        <IncomingFilters value={filters} thisYear={thisYear} onChange={(f) => setParams(paramsOf(f))} />
      </Card>
      {list.error ? (
        <ErrorResult error={list.error} onRetry={list.reload} />
      ) : (
        <IncomingTable
          items={list.data?.items ?? []}
          loading={list.loading}
          pagination={{
            current: page,
            pageSize: PAGE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => `共 ${n} 份`,
            onChange: (p) => setParams(paramsOf(filters, p)),
          }}
        />
      )}
    </PageContainer>
  );
}
