import { Card, Input, Table, type TableColumnsType, Tabs, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorResult } from '../../../components/ErrorResult';
import { PageContainer } from '../../../components/PageContainer';
import type { Collective, DirectoryUnit } from '../../../lib/api-types';
import { useApi } from '../../../lib/use-api';
import { fetchCollectives, fetchUnits } from '../api/units';

const dash = (v: string | null | undefined) => v || '—';

const unitColumns: TableColumnsType<DirectoryUnit> = [
  { title: '规范名称', dataIndex: 'name', key: 'name', width: 260, render: (name: string) => <strong>{name}</strong> },
  {
    title: '别名',
    dataIndex: 'aliases',
    key: 'aliases',
    width: 320,
    render: (aliases: string[] | undefined) =>
      aliases && aliases.length > 0 ? (
        <span className="unit-tags">
          {aliases.map((a) => (
            <Tag key={a}>{a}</Tag>
          ))}
        </span>
      ) : (
        '—'
      ),
  },
  { title: '类别', dataIndex: 'category', key: 'category', width: 120, render: dash },
  { title: '所属辖区', dataIndex: 'jurisdiction', key: 'jurisdiction', width: 140, render: dash },
  {
    title: '任务数',
    dataIndex: 'tasks',
    key: 'tasks',
    width: 100,
    align: 'right',
    sorter: (a, b) => a.tasks - b.tasks,
    defaultSortOrder: 'descend',
    render: (n: number, u) => <Link to={`/search?q=${encodeURIComponent(u.name)}&kind=task`} aria-label={`${u.name} 的任务 ${n} 项`}>{n}</Link>,
  },
];

const collectiveColumns: TableColumnsType<Collective> = [
  { title: '集合名称', dataIndex: 'name', key: 'name', width: 220 },
  { title: '所属辖区', dataIndex: 'jurisdiction', key: 'jurisdiction', width: 160 },
  { title: '成员数', key: 'count', width: 100, align: 'right', render: (_v, c) => c.members.length },
];

function UnitsTab() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const units = useApi((signal) => fetchUnits(q || undefined, signal), [q]);
  return (
    <>
      <Input.Search
        key={q}
        defaultValue={q}
        placeholder="输入单位名称或简称，如 发改委"
        aria-label="检索单位"
        enterButton="查询"
        allowClear
        className="filter-search tab-toolbar"
        onSearch={(v) => {
          const next = new URLSearchParams(params);
          if (v.trim()) next.set('q', v.trim());
          else next.delete('q');
          setParams(next);
        }}
      />
      {units.error ? (
        <ErrorResult error={units.error} onRetry={units.reload} />
      ) : (
        <Table<DirectoryUnit>
          rowKey="name"
          size="small"
          loading={units.loading}
          columns={unitColumns}
          dataSource={units.data ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => `共 ${n} 个单位`, hideOnSinglePage: true }}
          locale={{ emptyText: q ? '未找到相关单位' : '暂无单位' }}
        />
      )}
    </>
  );
}

function CollectivesTab() {
  const list = useApi((signal) => fetchCollectives(signal), []);
  if (list.error) return <ErrorResult error={list.error} onRetry={list.reload} />;
  return (
    <Table<Collective>
      rowKey={(c) => `${c.jurisdiction}:${c.name}`}
      size="small"
      loading={list.loading}
      columns={collectiveColumns}
      dataSource={list.data ?? []}
      scroll={{ x: 'max-content' }}
      pagination={false}
      expandable={{
        columnTitle: <span className="visually-hidden">成员</span>,
        expandedRowRender: (c) => (
          <span className="unit-tags">
            {c.members.map((m) => (
              <Tag key={m}>{m}</Tag>
            ))}
          </span>
        ),
        rowExpandable: (c) => c.members.length > 0,
      }}
      locale={{ emptyText: '暂无集合单位' }}
    />
  );
}

export function UnitsPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'collectives' ? 'collectives' : 'units';
  return (
    <PageContainer title="单位" breadcrumb={[{ title: '首页', to: '/' }]}>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'collectives' ? { tab: key } : {})}
          items={[
            { key: 'units', label: '单位名录', children: <UnitsTab /> },
            { key: 'collectives', label: '集合单位', children: <CollectivesTab /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
