import { DownloadOutlined, FileAddOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorResult } from '../../../components/ErrorResult';
import { PageContainer } from '../../../components/PageContainer';
import type { ItemView } from '../../../lib/api-types';
import { useCan } from '../../../lib/authorization';
import { LEDGER_SOURCE_LABEL, LEDGER_STATE_LABEL } from '../../../lib/labels';
import { useApi } from '../../../lib/use-api';
import { fetchItems, fetchLedgers, issueLedger, ledgerXlsxUrl } from '../api/supervision';
import { filtersFrom, ItemFilters, paramsOf } from '../components/ItemFilters';
import { ItemTable } from '../components/ItemTable';
import { OpenLedgerModal } from '../components/OpenLedgerModal';
import { useAction } from '../components/use-action';

const PAGE = 20;

/** 督办台账: every item one may see, filtered; the office hands out the drafts it picks. */
export function LedgerListPage() {
  const can = useCan();
  const manage = can('supervision.manage');
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFrom(params), [params]);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const ledgers = useApi((signal) => fetchLedgers(signal), []);
  const items = useApi(
    (signal) =>
      fetchItems(
        { ledgerId: filters.ledgerId, state: filters.state, unit: filters.unit, light: filters.light, q: filters.q, overdue: filters.overdue ? 'true' : undefined, limit: PAGE, offset: (page - 1) * PAGE },
        signal,
      ),
    [params.toString()],
  );
  const [selected, setSelected] = useState<ItemView[]>([]);
  const [opening, setOpening] = useState(false);
  const reload = () => {
    setSelected([]);
    items.reload();
    ledgers.reload();
  };
  const { run, busy } = useAction(reload);
  const ledger = ledgers.data?.find((l) => l.id === filters.ledgerId);

  /** The picked drafts, one request per ledger they belong to. */
  const issueSelected = async () => {
    const byLedger = new Map<number, number[]>();
    for (const i of selected) byLedger.set(i.ledgerId, [...(byLedger.get(i.ledgerId) ?? []), i.id]);
    await run(async () => {
      for (const [id, itemIds] of byLedger) await issueLedger(id, { itemIds });
    }, `已交办 ${selected.length} 项`);
  };

  const exportUrl = ledger ? ledgerXlsxUrl(ledger.id, { state: filters.state, unit: filters.unit, light: filters.light, q: filters.q, overdue: filters.overdue ? 'true' : undefined }) : null;

  return (
    <PageContainer
      title="督办台账"
      breadcrumb={[{ title: '首页', to: '/' }]}
      extra={
        <Space wrap>
          {manage && (
            <Button icon={<FileAddOutlined />} onClick={() => setOpening(true)}>
              批示件 / 会议事项立项
            </Button>
          )}
          <Tooltip title={exportUrl ? undefined : '请先选择一个台账'}>
            <Button icon={<DownloadOutlined />} href={exportUrl ?? undefined} disabled={!exportUrl} download>
              导出 Excel
            </Button>
          </Tooltip>
        </Space>
      }
    >
      <Card size="small" className="sv-card">
        <ItemFilters value={filters} ledgers={ledgers.data ?? []} onChange={(f) => setParams(paramsOf(f))} />
        {ledger && (
          <div className="sv-ledger-line">
            <Tag>{LEDGER_SOURCE_LABEL[ledger.sourceKind]}</Tag>
            <Tag color={ledger.state === 'draft' ? 'default' : 'blue'}>{LEDGER_STATE_LABEL[ledger.state]}</Tag>
            <Link to={`/supervision/ledgers/${ledger.id}`}>{ledger.docNumber ? `${ledger.docNumber} ${ledger.title}` : ledger.title}</Link>
            <Typography.Text type="secondary">
              共 {ledger.counts.total} 项：草稿 {ledger.counts.draft}，在办 {ledger.counts.open}，办结 {ledger.counts.done}，超期 {ledger.counts.overdue}
            </Typography.Text>
          </div>
        )}
      </Card>
      {manage && (
        <div className="sv-batch" aria-live="polite">
          <Popconfirm title={`交办所选 ${selected.length} 项？`} description="交办后各承办单位即可签收办理。" okText="交办" cancelText="取消" onConfirm={() => void issueSelected()} disabled={selected.length === 0}>
            <Button type="primary" icon={<SendOutlined />} disabled={selected.length === 0} loading={busy}>
              交办所选{selected.length > 0 ? `（${selected.length}）` : ''}
            </Button>
          </Popconfirm>
          <Typography.Text type="secondary">只能选择草稿事项；承办单位未匹配名录的事项请先在立项页修改。</Typography.Text>
        </div>
      )}
      {items.error ? (
        <ErrorResult error={items.error} onRetry={items.reload} />
      ) : (
        <ItemTable
          items={items.data?.items ?? []}
          loading={items.loading}
          rowSelection={
            manage
              ? {
                  selectedRowKeys: selected.map((i) => i.id),
                  // The select-all box would sit in the table's hidden measuring row too, focusable there.
                  hideSelectAll: true,
                  columnTitle: '选择',
                  columnWidth: 60,
                  onChange: (_keys, rows) => setSelected(rows),
                  getCheckboxProps: (i) => ({ disabled: i.state !== 'draft' || i.units.some((u) => u.canonical === null), 'aria-label': `选择事项 ${i.seq}` }),
                }
              : undefined
          }
          pagination={{
            current: page,
            pageSize: PAGE,
            total: items.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => `共 ${n} 项`,
            onChange: (p) => setParams(paramsOf(filters, p)),
          }}
        />
      )}
      <OpenLedgerModal open={opening} onCancel={() => setOpening(false)} />
    </PageContainer>
  );
}
