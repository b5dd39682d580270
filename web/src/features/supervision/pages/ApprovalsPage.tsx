import { Button, Card, Space, Table, type TableColumnsType, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorResult } from '../../../components/ErrorResult';
import { PageContainer } from '../../../components/PageContainer';
import type { Approvals, ItemView } from '../../../lib/api-types';
import { beijingTime, chineseDate } from '../../../lib/format';
import { useApi } from '../../../lib/use-api';
import { decideExtension, fetchApprovals, verifyItem } from '../api/supervision';
import { DeadlineText } from '../components/DeadlineText';
import { DecisionModal } from '../components/DecisionModal';
import { ItemUnits } from '../components/ItemUnits';
import { EmptyText } from '../components/ItemTable';
import { useAction } from '../components/use-action';

type Extension = Approvals['extensions'][number];
type Dialog = { kind: 'decide'; ext: Extension } | { kind: 'verify'; item: ItemView } | null;

const itemLink = (i: ItemView) => (
  <Link to={`/supervision/items/${i.id}`}>
    <Typography.Paragraph ellipsis={{ rows: 2 }} className="sv-item-text">
      {i.seq}. {i.text}
    </Typography.Paragraph>
  </Link>
);

/** 审批: the extensions asked for and the completions claimed, waiting for the office. */
export function ApprovalsPage() {
  const data = useApi((signal) => fetchApprovals(signal), []);
  const [dialog, setDialog] = useState<Dialog>(null);
  const { run, busy } = useAction(data.reload);
  const ok = async (work: () => Promise<unknown>, done: string) => (await run(work, done)) !== undefined;
  if (data.error) return <ErrorResult standalone error={data.error} onRetry={data.reload} />;

  const extColumns: TableColumnsType<Extension> = [
    { title: '督办事项', key: 'item', width: 320, render: (_v, e) => itemLink(e.item) },
    { title: '申请单位', dataIndex: 'unit', key: 'unit', width: 160 },
    { title: '现时限', key: 'prev', width: 130, render: (_v, e) => chineseDate(e.previousDeadline) },
    { title: '申请延至', key: 'asked', width: 130, render: (_v, e) => <strong>{chineseDate(e.asked)}</strong> },
    { title: '理由', dataIndex: 'reason', key: 'reason', width: 260, render: (r: string) => <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }}>{r}</Typography.Paragraph> },
    { title: '申请时间', key: 'at', width: 170, render: (_v, e) => `${beijingTime(e.requestedAt)}（${e.requestedBy}）` },
    {
      title: '操作',
      key: 'op',
      width: 100,
      fixed: 'right',
      render: (_v, e) => (
        <Button type="primary" size="small" onClick={() => setDialog({ kind: 'decide', ext: e })}>
          审批
        </Button>
      ),
    },
  ];
  const claimColumns: TableColumnsType<ItemView> = [
    { title: '督办事项', key: 'item', width: 320, render: (_v, i) => itemLink(i) },
    { title: '承办单位', key: 'units', width: 240, render: (_v, i) => <ItemUnits units={i.units} compact /> },
    { title: '完成时限', key: 'deadline', width: 150, render: (_v, i) => <DeadlineText deadline={i.deadline} text={i.deadlineText} /> },
    { title: '申请办结日期', key: 'claimed', width: 130, render: (_v, i) => chineseDate(i.claimedOn) },
    {
      title: '最新进展',
      key: 'report',
      width: 260,
      render: (_v, i) => (i.latestReport ? <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }}>{i.latestReport.progress}</Typography.Paragraph> : '—'),
    },
    {
      title: '操作',
      key: 'op',
      width: 100,
      fixed: 'right',
      render: (_v, i) => (
        <Button type="primary" size="small" onClick={() => setDialog({ kind: 'verify', item: i })}>
          核验
        </Button>
      ),
    },
  ];
  const exts = data.data?.extensions ?? [];
  const claims = data.data?.claims ?? [];
  return (
    <PageContainer title="审批" breadcrumb={[{ title: '首页', to: '/' }]}>
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'extensions',
              label: `延期申请（${exts.length}）`,
              children: <Table<Extension> rowKey="id" size="middle" loading={data.loading} columns={extColumns} dataSource={exts} scroll={exts.length > 0 ? { x: 1200 } : undefined} pagination={false} locale={{ emptyText: <EmptyText text="没有待审批的延期申请" /> }} />,
            },
            {
              key: 'claims',
              label: `办结核验（${claims.length}）`,
              children: <Table<ItemView> rowKey="id" size="middle" loading={data.loading} columns={claimColumns} dataSource={claims} scroll={claims.length > 0 ? { x: 1200 } : undefined} pagination={false} locale={{ emptyText: <EmptyText text="没有待核验的办结申请" /> }} />,
            },
          ]}
        />
      </Card>
      <DecisionModal
        open={dialog?.kind === 'decide'}
        title="审批延期"
        yes="批准"
        no="驳回"
        opinionLabel="审批意见"
        busy={busy}
        onCancel={() => setDialog(null)}
        onSubmit={(approve, opinion) => (dialog?.kind === 'decide' ? ok(() => decideExtension(dialog.ext.id, { approve, opinion }), approve ? '已批准延期' : '已驳回延期申请') : Promise.resolve(false))}
      >
        {dialog?.kind === 'decide' && (
          <Space orientation="vertical" className="sv-dialog-facts">
            <span>{dialog.ext.unit} 申请将时限由 {chineseDate(dialog.ext.previousDeadline)} 延至 {chineseDate(dialog.ext.asked)}</span>
            <Typography.Text type="secondary">理由：{dialog.ext.reason}</Typography.Text>
          </Space>
        )}
      </DecisionModal>
      <DecisionModal
        open={dialog?.kind === 'verify'}
        title="核验办结"
        yes="通过，办结"
        no="退回"
        opinionLabel="核验意见"
        busy={busy}
        onCancel={() => setDialog(null)}
        onSubmit={(accept, opinion) => (dialog?.kind === 'verify' ? ok(() => verifyItem(dialog.item.id, { version: dialog.item.version, accept, opinion }), accept ? '已核验办结' : '已退回') : Promise.resolve(false))}
      >
        {dialog?.kind === 'verify' && <Typography.Paragraph ellipsis={{ rows: 3 }}>{dialog.item.text}</Typography.Paragraph>}
      </DecisionModal>
    </PageContainer>
  );
}
