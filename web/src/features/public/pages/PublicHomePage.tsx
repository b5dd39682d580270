import { GiftOutlined } from '@ant-design/icons';
import { Card, Col, Grid, Input, Pagination, Row, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { DocumentList } from '../../../components/document/DocumentList';
import { ErrorResult } from '../../../components/ErrorResult';
import { FacetPanel } from '../../../components/search/FacetPanel';
import { FACET_ORDER, type FacetName } from '../../../components/search/facets';
import { HitList } from '../../../components/search/HitList';
import { SelectedFacets } from '../../../components/search/SelectedFacets';
import type { Validity } from '../../../lib/api-types';
import { useApi } from '../../../lib/use-api';
import { useTitle } from '../../../lib/use-title';
import { fetchPublicDocuments, publicSearch } from '../api/public';
import { PUBLIC_NAME, usePublicStats } from '../components/PublicLayout';

const PAGE_SIZE = 20;
/** The public library holds documents only, and names no responsible units. */
const HIDDEN: FacetName[] = ['kind', 'unit'];
const FACETS = FACET_ORDER.filter((f) => !HIDDEN.includes(f));
const docLink = (id: number, children: React.ReactNode) => <Link to={`/public/documents/${id}`}>{children}</Link>;

export function PublicHomePage() {
  const stats = usePublicStats();
  const [params, setParams] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const q = (params.get('q') ?? '').trim();
  const topic = params.get('topic') ?? undefined;
  const preferential = params.get('preferential') === 'true';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const selected = useMemo(() => Object.fromEntries(FACETS.flatMap((f) => (params.get(f) ? [[f, [params.get(f)!]]] : []))) as Partial<Record<FacetName, string[]>>, [params]);
  const key = params.toString();
  useTitle(q ? `检索：${q}` : topic ? `主题：${topic}` : preferential ? '惠企政策' : null, PUBLIC_NAME);

  const listing = useApi(
    q ? null : (signal) => fetchPublicDocuments({ topic, preferential, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    [key],
  );
  const found = useApi(
    q
      ? (signal) =>
          publicSearch(
            {
              q,
              issuer: selected.issuer?.[0],
              year: selected.year?.[0],
              type: selected.type?.[0],
              validity: selected.validity?.[0] as Validity | undefined,
              topic: selected.topic?.[0],
              limit: PAGE_SIZE,
              offset: (page - 1) * PAGE_SIZE,
            },
            signal,
          )
      : null,
    [key],
  );

  const set = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    change(next);
    next.delete('page');
    setParams(next);
  };
  const toggle = (name: FacetName, value: string) => set((next) => (next.get(name) === value ? next.delete(name) : next.set(name, value)));
  const chosen = FACETS.flatMap((n) => (selected[n] ?? []).map((v) => [n, v] as [FacetName, string]));
  const pager = (total: number) =>
    total > PAGE_SIZE && (
      <Pagination
        className="pager"
        current={page}
        pageSize={PAGE_SIZE}
        total={total}
        showSizeChanger={false}
        showTotal={(n) => `共 ${n} 件`}
        onChange={(p) => {
          const next = new URLSearchParams(params);
          if (p > 1) next.set('page', String(p));
          else next.delete('page');
          setParams(next);
        }}
      />
    );

  const heading = topic ? `主题：${topic}` : preferential ? '惠企政策' : '最新公开文件';

  return (
    <div className="public-page">
      <section className="public-hero" aria-labelledby="public-title">
        <Typography.Title level={1} id="public-title" className="public-title">
          {PUBLIC_NAME}
        </Typography.Title>
        <Typography.Paragraph className="public-lead">共收录公开政策文件 {stats.documents} 件，可按标题、文号或内容检索。</Typography.Paragraph>
        <div role="search" aria-label="检索政策文件">
          <Input.Search
            key={q}
            defaultValue={q}
            size="large"
            enterButton="检索"
            allowClear
            aria-label="检索词"
            placeholder="输入标题、文号或关键词"
            onSearch={(v) =>
              setParams(() => {
                const next = new URLSearchParams();
                if (v.trim()) next.set('q', v.trim());
                return next;
              })
            }
          />
        </div>
      </section>

      {q ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={7} className="min-w-0">
            {screens.lg === false && (found.data?.hits.length ?? 0) === 0 ? null : <FacetPanel facets={found.data?.facets ?? {}} selected={selected} onToggle={toggle} hide={HIDDEN} />}
          </Col>
          <Col xs={24} lg={17} className="min-w-0">
            <Card
              size="small"
              title={<h2 className="card-title">“{q}”的检索结果</h2>}
              extra={found.data && (found.data.totalCapped ? `超过 ${found.data.total} 件` : `共 ${found.data.total} 件`)}
            >
              <SelectedFacets selected={chosen} onRemove={toggle} onClear={() => setParams({ q })} />
              {found.error ? (
                <ErrorResult error={found.error} onRetry={found.reload} />
              ) : !found.data ? (
                <Skeleton active />
              ) : (
                <>
                  <HitList
                    hits={found.data.hits}
                    start={(page - 1) * PAGE_SIZE}
                    hrefOf={(h) => (h.documentId ?? (h.kind === 'document' ? h.id : null)) !== null ? `/public/documents/${h.documentId ?? h.id}` : null}
                    renderLink={(href, children) => <Link to={href}>{children}</Link>}
                  />
                  {pager(found.data.total)}
                </>
              )}
            </Card>
          </Col>
        </Row>
      ) : (
        <>
          <section aria-labelledby="topics-title" className="public-topics">
            <h2 id="topics-title" className="public-section-title">
              按主题浏览
            </h2>
            <Row gutter={[12, 12]}>
              <Col xs={24} sm={12} lg={6}>
                <Link to="/public?preferential=true" className="topic-card topic-card-featured" aria-current={preferential ? 'page' : undefined}>
                  <GiftOutlined aria-hidden className="topic-icon" />
                  <span className="topic-name">惠企政策</span>
                  <span className="topic-count">{stats.preferential} 件</span>
                </Link>
              </Col>
              {stats.byTopic.map((t) => (
                <Col key={t.value} xs={12} sm={12} lg={6}>
                  <Link to={`/public?topic=${encodeURIComponent(t.value)}`} className="topic-card" aria-current={topic === t.value ? 'page' : undefined}>
                    <span className="topic-name">{t.value}</span>
                    <span className="topic-count">{t.count} 件</span>
                  </Link>
                </Col>
              ))}
            </Row>
          </section>
          <Card
            size="small"
            className="home-section"
            title={<h2 className="card-title">{heading}</h2>}
            extra={(topic || preferential) && <Link to="/public">查看全部</Link>}
          >
            {listing.error ? (
              <ErrorResult error={listing.error} onRetry={listing.reload} />
            ) : !listing.data ? (
              <Skeleton active />
            ) : (
              <>
                <DocumentList items={listing.data.items} linkTo={docLink} empty={topic || preferential ? '该分类下暂无公开文件' : '暂无公开文件'} />
                {pager(listing.data.total)}
              </>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
