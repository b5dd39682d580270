import { Card, Col, Collapse, Grid, Input, Pagination, Row, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorResult } from '../../../components/ErrorResult';
import { PageContainer } from '../../../components/PageContainer';
import { FacetPanel } from '../../../components/search/FacetPanel';
import { FACET_ORDER, type FacetName, MULTI_VALUED } from '../../../components/search/facets';
import { HitList } from '../../../components/search/HitList';
import { SelectedFacets } from '../../../components/search/SelectedFacets';
import type { SearchHit, SearchKind, SearchQuery, Validity } from '../../../lib/api-types';
import { useApi } from '../../../lib/use-api';
import { search } from '../api/search';

const PAGE_SIZE = 20;

/** Where a hit leads inside the app. */
function hrefOf(hit: SearchHit): string | null {
  if (hit.kind === 'document') return `/documents/${hit.documentId ?? hit.id}`;
  if (hit.kind === 'task') return hit.documentId !== null ? `/documents/${hit.documentId}?task=${hit.id}` : null;
  if (hit.kind === 'appointment') return hit.documentId !== null ? `/documents/${hit.documentId}` : `/appointments?person=${encodeURIComponent(hit.title)}`;
  if (hit.kind === 'chronicle') return hit.date ? `/chronicle?from=${hit.date}&to=${hit.date}` : '/chronicle';
  return null;
}

/** The URL is the state: query, facets and page, so a link or a reload shows the same results. */
function readParams(params: URLSearchParams) {
  const selected: Partial<Record<FacetName, string[]>> = {};
  for (const name of FACET_ORDER) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length > 0) selected[name] = MULTI_VALUED.has(name) ? values : values.slice(0, 1);
  }
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  return { q: (params.get('q') ?? '').trim(), selected, page };
}

export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const { q, selected, page } = useMemo(() => readParams(params), [params]);
  const screens = Grid.useBreakpoint();
  const key = params.toString();

  const result = useApi(
    q
      ? (signal) => {
          const query: SearchQuery = {
            q,
            kind: selected.kind as SearchKind[] | undefined,
            issuer: selected.issuer?.[0],
            year: selected.year?.[0],
            type: selected.type?.[0],
            unit: selected.unit?.[0],
            validity: selected.validity?.[0] as Validity | undefined,
            topic: selected.topic?.[0],
            limit: PAGE_SIZE,
            offset: (page - 1) * PAGE_SIZE,
          };
          return search(query, signal);
        }
      : null,
    [key],
  );

  const update = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    change(next);
    setParams(next);
  };
  const submit = (value: string) =>
    update((next) => {
      // A new query keeps the kinds chosen and drops the other facets, which belonged to the old one.
      for (const name of FACET_ORDER) if (name !== 'kind') next.delete(name);
      next.delete('page');
      if (value.trim()) next.set('q', value.trim());
      else next.delete('q');
    });
  const toggle = (name: FacetName, value: string) =>
    update((next) => {
      const values = next.getAll(name);
      next.delete(name);
      next.delete('page');
      if (values.includes(value)) for (const v of values.filter((x) => x !== value)) next.append(name, v);
      else if (MULTI_VALUED.has(name)) for (const v of [...values, value]) next.append(name, v);
      else next.set(name, value);
    });
  const clear = () =>
    update((next) => {
      for (const name of FACET_ORDER) next.delete(name);
      next.delete('page');
    });

  const chosen = FACET_ORDER.flatMap((name) => (selected[name] ?? []).map((v) => [name, v] as [FacetName, string]));
  const data = result.data;
  const facets = data?.facets ?? {};
  const facetPanel = <FacetPanel facets={facets} selected={selected} onToggle={toggle} />;

  return (
    <PageContainer title="检索" windowTitle={q ? `检索：${q}` : '检索'}>
      <Card size="small">
        <search role="search" aria-label="全文检索">
          <Input.Search
            key={q}
            className="search-box"
            defaultValue={q}
            placeholder="输入标题、文号、单位或任意词句；文号可按任意写法输入，如 通政办发[2023]63号"
            aria-label="检索词"
            enterButton="检索"
            size="large"
            allowClear
            onSearch={submit}
          />
        </search>
      </Card>

      {!q ? (
        <Card size="small" className="home-section">
          <Typography.Paragraph>可检索公文、任务、人事任免和大事记。输入检索词后，可按类别、发文机关、年份、文种、单位、效力、主题筛选结果。</Typography.Paragraph>
          <Typography.Paragraph type="secondary" className="no-margin">
            示例：<Link to="/search?q=营商环境">营商环境</Link>、<Link to={`/search?q=${encodeURIComponent('通政办发〔2023〕65号')}`}>通政办发〔2023〕65号</Link>、
            <Link to={`/search?q=${encodeURIComponent('副局长')}&kind=appointment`}>副局长（任免）</Link>
          </Typography.Paragraph>
        </Card>
      ) : (
        <Row gutter={[16, 16]} className="home-section">
          <Col xs={24} lg={7} xl={6} className="min-w-0">
            {screens.lg === false ? (
              <Collapse
                size="small"
                items={[{ key: 'f', label: `筛选条件${chosen.length ? `（已选 ${chosen.length} 项）` : ''}`, children: facetPanel }]}
                className="facet-collapse"
              />
            ) : (
              facetPanel
            )}
          </Col>
          <Col xs={24} lg={17} xl={18} className="min-w-0">
            <Card size="small" title={<h2 className="card-title">检索结果</h2>} extra={data && <span aria-live="polite">{data.totalCapped ? `超过 ${data.total} 条` : `共 ${data.total} 条`}</span>}>
              <SelectedFacets selected={chosen} onRemove={toggle} onClear={clear} />
              {result.error ? (
                <ErrorResult error={result.error} onRetry={result.reload} />
              ) : result.loading || !data ? (
                <Skeleton active paragraph={{ rows: 6 }} />
              ) : (
                <>
                  <HitList hits={data.hits} hrefOf={hrefOf} renderLink={(href, children) => <Link to={href}>{children}</Link>} start={(page - 1) * PAGE_SIZE} />
                  {data.total > PAGE_SIZE && (
                    <Pagination
                      className="pager"
                      current={page}
                      pageSize={PAGE_SIZE}
                      total={data.total}
                      showSizeChanger={false}
                      showTotal={(total) => (data.totalCapped ? `超过 ${total} 条` : `共 ${total} 条`)}
                      onChange={(p) => update((next) => (p > 1 ? next.set('page', String(p)) : next.delete('page')))}
                    />
                  )}
                </>
              )}
            </Card>
          </Col>
        </Row>
      )}
    </PageContainer>
  );
}
