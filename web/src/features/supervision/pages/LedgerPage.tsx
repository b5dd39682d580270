import { MergeCellsOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Empty, Popconfirm, Row, Skeleton, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { ErrorResult, NotFound } from '../../../components/ErrorResult';
import { PageContainer } from '../../../components/PageContainer';
import type { ItemView } from '../../../lib/api-types';
import { useCan } from '../../../lib/authorization';
import { LEDGER_SOURCE_LABEL, LEDGER_STATE_LABEL } from '../../../lib/labels';
import { useApi } from '../../../lib/use-api';
import { addItem, dropItem, fetchLedger, fetchSourceDocument, issueLedger, mergeItems, patchItem, splitItem } from '../api/supervision';
import { DraftItemCard } from '../components/DraftItemCard';
import { ItemFormModal } from '../components/ItemFormModal';
import { SourcePanel, useItemPlaces } from '../components/SourcePanel';
import { SplitModal } from '../components/SplitModal';
import { TextModal } from '../components/TextModal';
import { useAction } from '../components/use-action';

const crumbs = [
  { title: '首页', to: '/' },
  { title: '督办台账', to: '/supervision' },
];

type Dialog = { kind: 'edit'; item: ItemView | null } | { kind: 'split'; item: ItemView } | { kind: 'drop'; item: ItemView } | null;

/** 立项: the document beside its draft items, made right (edit, split, merge, drop, add) before 交办. */
export function LedgerPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const valid = Number.isInteger(id) && id > 0;
  const manage = useCan()('supervision.manage');
  const ledger = useApi(valid ? (signal) => fetchLedger(id, signal) : null, [id]);
  const docId = ledger.data?.documentId ?? null;
  const doc = useApi(docId ? (signal) => fetchSourceDocument(docId, signal) : null, [docId]);
  const { paragraphs, places } = useItemPlaces(doc.data, ledger.data);
  const [active, setActive] = useState<number | null>(null);
  const [checked, setChecked] = useState<number[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const { run, busy } = useAction(() => {
    setChecked([]);
    ledger.reload();
  });

  if (!valid) return <NotFound standalone message="台账编号有误" />;
  if (ledger.error) return <ErrorResult standalone error={ledger.error} onRetry={ledger.reload} />;
  const data = ledger.data;
  if (!data)
    return (
      <PageContainer title="正在加载台账…" windowTitle="立项" crumb="立项" breadcrumb={crumbs}>
        <Skeleton active paragraph={{ rows: 12 }} />
      </PageContainer>
    );

  const drafts = data.items.filter((i) => i.state === 'draft');
  const unresolved = data.unresolvedUnits;
  const issueBlocked = unresolved.length > 0 ? `以下单位未匹配名录，不能交办：${unresolved.join('、')}` : drafts.length === 0 ? '没有待交办的草稿事项' : undefined;
  const ok = async (work: () => Promise<unknown>, done: string) => (await run(work, done)) !== undefined;
  const dialogItem = dialog?.item ?? null;

  return (
    <PageContainer
      title={data.title}
      crumb="立项"
      windowTitle={`立项：${data.docNumber ?? data.title}`}
      breadcrumb={crumbs}
      extra={
        manage && (
          <Space wrap>
            <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'edit', item: null })}>
              新增事项
            </Button>
            <Button icon={<MergeCellsOutlined />} disabled={checked.length < 2} onClick={() => void run(() => mergeItems(id, { itemIds: checked }), `已合并 ${checked.length} 项`)}>
              合并所选{checked.length > 0 ? `（${checked.length}）` : ''}
            </Button>
            <Tooltip title={issueBlocked}>
              <span>
                <Popconfirm title={`交办全部 ${drafts.length} 项草稿事项？`} description="交办后各承办单位即可签收办理。" okText="交办" cancelText="取消" onConfirm={() => void run(() => issueLedger(id), '已交办')} disabled={!!issueBlocked}>
                  <Button type="primary" icon={<SendOutlined />} disabled={!!issueBlocked} loading={busy}>
                    交办
                  </Button>
                </Popconfirm>
              </span>
            </Tooltip>
          </Space>
        )
      }
    >
      <Space wrap className="sv-ledger-line">
        <Tag>{LEDGER_SOURCE_LABEL[data.sourceKind]}</Tag>
        <Tag color={data.state === 'draft' ? 'default' : 'blue'}>{LEDGER_STATE_LABEL[data.state]}</Tag>
        <span>
          共 {data.counts.total} 项，草稿 {data.counts.draft} 项，在办 {data.counts.open} 项
        </span>
      </Space>
      {unresolved.length > 0 && (
        <Alert type="error" showIcon className="sv-alert" title="以下单位在单位名录中找不到，请在事项中改为名录中的名称后再交办" description={unresolved.join('、')} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={11} className="min-w-0">
          <SourcePanel ledger={data} doc={doc.data} paragraphs={paragraphs} highlighted={active !== null ? (places.get(active) ?? []) : []} loading={doc.loading} />
        </Col>
        <Col xs={24} lg={13} className="min-w-0">
          <h2 className="sv-section-title">督办事项（{data.items.length}）</h2>
          {data.items.length === 0 ? (
            <Empty description="还没有督办事项，请点击“新增事项”" />
          ) : (
            <div className="sv-draft-list">
              {data.items.map((item) => (
                <div key={item.id} onFocusCapture={() => setActive(item.id)} onMouseEnter={() => setActive(item.id)}>
                  <DraftItemCard
                    item={item}
                    active={active === item.id}
                    checked={checked.includes(item.id)}
                    editable={manage}
                    locatable={(places.get(item.id)?.length ?? 0) > 0}
                    onCheck={(c) => setChecked((now) => (c ? [...now, item.id] : now.filter((x) => x !== item.id)))}
                    onLocate={() => setActive(item.id)}
                    onEdit={() => setDialog({ kind: 'edit', item })}
                    onSplit={() => setDialog({ kind: 'split', item })}
                    onDrop={() => setDialog({ kind: 'drop', item })}
                  />
                </div>
              ))}
            </div>
          )}
        </Col>
      </Row>
      <ItemFormModal
        open={dialog?.kind === 'edit'}
        item={dialog?.kind === 'edit' ? dialogItem : null}
        busy={busy}
        onCancel={() => setDialog(null)}
        onSubmit={(body) => (dialogItem ? ok(() => patchItem(dialogItem.id, { ...body, version: dialogItem.version }), '已保存') : ok(() => addItem(id, body), '已新增事项'))}
      />
      <SplitModal
        open={dialog?.kind === 'split'}
        item={dialog?.kind === 'split' ? dialogItem : null}
        busy={busy}
        onCancel={() => setDialog(null)}
        onSubmit={(texts) => ok(() => splitItem(dialogItem!.id, { version: dialogItem!.version, texts }), `已拆分为 ${texts.length} 项`)}
      />
      <TextModal
        open={dialog?.kind === 'drop'}
        title={dialogItem ? `事项 ${dialogItem.seq} 不予立项` : '不予立项'}
        label="理由"
        required="请填写理由"
        okText="不予立项"
        danger
        busy={busy}
        onCancel={() => setDialog(null)}
        onSubmit={(reason) => ok(() => dropItem(dialogItem!.id, { version: dialogItem!.version, reason }), '已不予立项')}
      />
    </PageContainer>
  );
}
