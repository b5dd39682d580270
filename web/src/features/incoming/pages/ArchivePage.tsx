import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Grid, Select, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorResult } from '../../../components/ErrorResult';
import { PageContainer } from '../../../components/PageContainer';
import type { ArchivedItem, ArchiveReadyList, ArchiveSettingsState, Retention } from '../../../lib/api-types';
import { chineseDate } from '../../../lib/format';
import { INCOMING_STATE_LABEL } from '../../../lib/labels';
import { officeToday } from '../../../lib/server-clock';
import { useApi } from '../../../lib/use-api';
import { catalogueXlsxUrl, fetchArchived, fetchArchiveSettings, fetchReady, RETENTIONS } from '../api/archive';
import { ArchiveDialog } from '../components/ArchiveDialog';
import '../incoming.css';

type Ready = ArchiveReadyList['items'][number];
const dash = (v: string | null) => v || '—';
const PAGE = 20;

/** The office's 全宗 as the 档号 will carry it, or a warning that the administrator has not set it. */
function SettingsSummary({ state }: { state: ArchiveSettingsState | undefined }) {
  if (!state) return null;
  const s = state.settings;
  if (s === null) return <Alert type="warning" showIcon title="尚未设置全宗号" description="归档前，请管理员在“系统管理 → 归档设置”中填写全宗号与全宗名称。" />;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 3 }}
      items={[
        { key: 'fonds', label: '全宗', children: `${s.fondsName}（${s.fondsCode}）` },
        { key: 'units', label: '机构（问题）', children: s.units.length === 0 ? '不设' : s.units.map((u) => `${u.name}（${u.code}）`).join('、') },
        { key: 'defaults', label: '默认保管期限', children: `办件 ${s.defaults.办件}，阅件 ${s.defaults.阅件}，退回件 ${s.defaults.退回}` },
      ]}
    />
  );
}

function ReadyTab({ settings, onFiled }: { settings: ArchiveSettingsState | undefined; onFiled: () => void }) {
  const narrow = Grid.useBreakpoint().md === false;
  const ready = useApi((signal) => fetchReady(signal), []);
  const [chosen, setChosen] = useState<Ready | null>(null);
  const disabled = settings?.settings === null;
  const action = (r: Ready) => (
    <Button size="small" type="primary" icon={<InboxOutlined />} disabled={disabled} onClick={() => setChosen(r)} aria-label={`归档 ${r.incoming.serial}`}>
      归档
    </Button>
  );
  const kindOf = (r: Ready) => (r.incoming.state === 'returned' ? '退回件' : (r.incoming.kind ?? '—'));
  const columns: TableColumnsType<Ready> = narrow
    ? [
        {
          title: '待归档',
          key: 'stack',
          render: (_v, r) => (
            <div className="inc-stack">
              <div className="inc-stack-head">
                <Link to={`/incoming/${r.incoming.id}`}>{r.incoming.serial}</Link>
                <Tag>{kindOf(r)}</Tag>
                {action(r)}
              </div>
              <div className="inc-stack-title">{r.incoming.title}</div>
              <Typography.Text type="secondary" className="inc-stack-meta">
                {dash(r.incoming.fromUnit)} · {r.year}年度 · 建议 {r.retention}
              </Typography.Text>
            </div>
          ),
        },
      ]
    : [
        { title: '运转号', key: 'serial', width: 110, render: (_v, r) => <Link to={`/incoming/${r.incoming.id}`}>{r.incoming.serial}</Link> },
        { title: '标题', key: 'title', render: (_v, r) => r.incoming.title },
        { title: '来文单位', key: 'from', width: 180, render: (_v, r) => dash(r.incoming.fromUnit) },
        { title: '类别', key: 'kind', width: 80, render: (_v, r) => kindOf(r) },
        { title: '状态', key: 'state', width: 90, render: (_v, r) => INCOMING_STATE_LABEL[r.incoming.state] },
        { title: '年度', key: 'year', width: 70, render: (_v, r) => r.year },
        { title: '建议保管期限', key: 'retention', width: 110, render: (_v, r) => r.retention },
        { title: '操作', key: 'act', width: 90, render: (_v, r) => action(r) },
      ];
  if (ready.error) return <ErrorResult error={ready.error} onRetry={ready.reload} />;
  return (
    <>
      <Table<Ready> rowKey={(r) => r.incoming.id} size="middle" columns={columns} dataSource={ready.data?.items ?? []} loading={ready.loading} pagination={{ pageSize: PAGE, showSizeChanger: false, showTotal: (n) => `共 ${n} 份`, hideOnSinglePage: true }} scroll={narrow ? undefined : { x: 900 }} locale={{ emptyText: '没有待归档的收文' }} />
      {chosen && (
        <ArchiveDialog
          incoming={chosen.incoming}
          retention={chosen.retention}
          settings={settings?.settings ?? null}
          onClose={() => setChosen(null)}
          onDone={() => {
            setChosen(null);
            ready.reload();
            onFiled();
          }}
        />
      )}
    </>
  );
}

function ArchivedTab({ version }: { version: number }) {
  const narrow = Grid.useBreakpoint().md === false;
  const thisYear = Number(officeToday().slice(0, 4));
  const [year, setYear] = useState<number>(thisYear);
  const [retention, setRetention] = useState<Retention | undefined>();
  const [page, setPage] = useState(1);
  const list = useApi((signal) => fetchArchived({ year, retention, limit: PAGE, offset: (page - 1) * PAGE }, signal), [year, retention, page, version]);
  const years = Array.from({ length: 12 }, (_, k) => thisYear - k);
  const columns: TableColumnsType<ArchivedItem> = narrow
    ? [
        {
          title: '已归档',
          key: 'stack',
          render: (_v, a) => (
            <div className="inc-stack">
              <div className="inc-stack-head">
                <span className="inc-archive-code">{a.code}</span>
                <Tag>{a.retention}</Tag>
              </div>
              <div className="inc-stack-title">
                <Link to={`/incoming/${a.incomingId}`}>{a.title}</Link>
              </div>
              <Typography.Text type="secondary" className="inc-stack-meta">
                {dash(a.responsible)} · {dash(a.docNumber)} · {chineseDate(a.date)}
              </Typography.Text>
            </div>
          ),
        },
      ]
    : [
        { title: '档号', key: 'code', width: 230, render: (_v, a) => <span className="inc-archive-code">{a.code}</span> },
        { title: '题名', key: 'title', render: (_v, a) => <Link to={`/incoming/${a.incomingId}`}>{a.title}</Link> },
        { title: '责任者', key: 'resp', width: 170, render: (_v, a) => dash(a.responsible) },
        { title: '文号', key: 'no', width: 160, render: (_v, a) => dash(a.docNumber) },
        { title: '日期', key: 'date', width: 130, render: (_v, a) => chineseDate(a.date) },
        { title: '保管期限', key: 'ret', width: 90, render: (_v, a) => a.retention },
        { title: '页数', key: 'pages', width: 60, render: (_v, a) => a.pages ?? '—' },
      ];
  return (
    <>
      <Space wrap className="inc-archive-filters">
        <Select<number> value={year} onChange={(v) => (setYear(v), setPage(1))} options={years.map((y) => ({ value: y, label: `${y}年度` }))} aria-label="年度" style={{ width: 120 }} />
        <Select<Retention> allowClear placeholder="全部保管期限" value={retention} onChange={(v) => (setRetention(v), setPage(1))} options={RETENTIONS.map((r) => ({ value: r, label: r }))} aria-label="保管期限" style={{ width: 150 }} />
        <Button icon={<DownloadOutlined />} href={catalogueXlsxUrl(year, retention)} download disabled={(list.data?.total ?? 0) === 0}>
          导出归档文件目录
        </Button>
      </Space>
      {list.error ? (
        <ErrorResult error={list.error} onRetry={list.reload} />
      ) : (
        <Table<ArchivedItem>
          rowKey="code"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          scroll={narrow ? undefined : { x: 1000 }}
          pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, showSizeChanger: false, showTotal: (n) => `共 ${n} 件`, onChange: setPage, hideOnSinglePage: true }}
          locale={{ emptyText: `${year}年度${retention ? `保管期限${retention}的` : ''}尚无归档文件` }}
        />
      )}
    </>
  );
}

/** 归档: the registrations ready to file (each with its dialog), and the filed ones by 年度 and 保管期限 with the 归档文件目录. */
export function ArchivePage() {
  const settings = useApi((signal) => fetchArchiveSettings(signal), []);
  const [filed, setFiled] = useState(0);
  return (
    <PageContainer title="归档" breadcrumb={[{ title: '首页', to: '/' }, { title: '收文簿', to: '/incoming' }]}>
      <Card size="small" className="sv-card">
        <SettingsSummary state={settings.data} />
      </Card>
      <Card size="small">
        <Tabs
          items={[
            { key: 'ready', label: '待归档', children: <ReadyTab settings={settings.data} onFiled={() => setFiled((n) => n + 1)} /> },
            { key: 'filed', label: '已归档', children: <ArchivedTab version={filed} /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
