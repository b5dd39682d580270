import { Button, Card, DatePicker, Form, Input, Select, Space, Table, type TableColumnsType, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ErrorResult } from '../../../components/ErrorResult';
import { PageContainer } from '../../../components/PageContainer';
import type { AuditEvent } from '../../../lib/api-types';
import { beijingTime } from '../../../lib/format';
import { AUDIT_ACTION_LABEL, AUDIT_ENTITY_LABEL } from '../../../lib/labels';
import { useApi } from '../../../lib/use-api';
import { fetchAudit } from '../api/audit';

const PAGE_SIZE = 20;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

interface Filters {
  actor?: string;
  action?: string;
  entity?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const json = (v: unknown) => (v === null || v === undefined ? '（无）' : JSON.stringify(v, null, 2));

function Details({ event }: { event: AuditEvent }) {
  return (
    <div className="audit-details">
      <figure className="json-figure">
        <figcaption className="facet-title">变更前</figcaption>
        <pre className="json">{json(event.before)}</pre>
      </figure>
      <figure className="json-figure">
        <figcaption className="facet-title">变更后</figcaption>
        <pre className="json">{json(event.after)}</pre>
      </figure>
    </div>
  );
}

const columns: TableColumnsType<AuditEvent> = [
  { title: '时间', dataIndex: 'at', key: 'at', width: 170, render: beijingTime },
  { title: '操作人', dataIndex: 'actor', key: 'actor', width: 120, render: (a: string) => (a === 'system' ? <Tag>系统</Tag> : a) },
  {
    title: '操作',
    dataIndex: 'action',
    key: 'action',
    width: 120,
    render: (a: string) => <Tag color={a === 'login-failed' ? 'red' : a.startsWith('login') || a === 'logout' ? 'default' : 'blue'}>{AUDIT_ACTION_LABEL[a] ?? a}</Tag>,
  },
  { title: '对象', key: 'entity', width: 180, render: (_v, e) => `${AUDIT_ENTITY_LABEL[e.entity] ?? (e.entity || '—')}${e.entityId !== null ? ` #${e.entityId}` : ''}` },
  { title: 'IP 地址', dataIndex: 'ip', key: 'ip', width: 140, render: (ip: string | null) => ip ?? '—' },
];

export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Filters>();
  const actor = params.get('actor') ?? undefined;
  const action = params.get('action') ?? undefined;
  const entity = params.get('entity') ?? undefined;
  const from = DAY.test(params.get('from') ?? '') ? params.get('from')! : undefined;
  const to = DAY.test(params.get('to') ?? '') ? params.get('to')! : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const key = params.toString();

  const events = useApi((signal) => fetchAudit({ actor, action, entity, from, to, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal), [key]);

  // The form follows the URL (back/forward, a shared link).
  useEffect(() => {
    form.setFieldsValue({ actor, action, entity, range: from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null });
  }, [form, actor, action, entity, from, to]);

  const apply = (v: Filters) => {
    const next = new URLSearchParams();
    if (v.actor?.trim()) next.set('actor', v.actor.trim());
    if (v.action) next.set('action', v.action);
    if (v.entity?.trim()) next.set('entity', v.entity.trim());
    if (v.range?.[0]) next.set('from', v.range[0].format('YYYY-MM-DD'));
    if (v.range?.[1]) next.set('to', v.range[1].format('YYYY-MM-DD'));
    setParams(next);
  };

  return (
    <PageContainer title="审计日志" breadcrumb={[{ title: '首页', to: '/' }, { title: '系统管理' }]}>
      <Card size="small">
        <Form form={form} layout="inline" onFinish={apply} className="filter-form">
          <Form.Item label="操作人" name="actor">
            <Input placeholder="用户名" allowClear />
          </Form.Item>
          <Form.Item label="操作" name="action">
            <Select allowClear placeholder="全部操作" className="filter-select" options={Object.entries(AUDIT_ACTION_LABEL).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item label="对象" name="entity">
            <Select allowClear placeholder="全部对象" className="filter-select" options={Object.entries(AUDIT_ENTITY_LABEL).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item label="日期" name="range">
            <DatePicker.RangePicker allowEmpty={[true, true]} placeholder={['开始日期', '结束日期']} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                查询
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setParams(new URLSearchParams());
                }}
              >
                重置
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card size="small" className="home-section">
        {events.error ? (
          <ErrorResult error={events.error} onRetry={events.reload} />
        ) : (
          <Table<AuditEvent>
            rowKey="id"
            size="small"
            loading={events.loading}
            columns={columns}
            dataSource={events.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            expandable={{
              columnTitle: <span className="visually-hidden">详情</span>,
              expandedRowRender: (e) => <Details event={e} />,
              rowExpandable: (e) => e.before !== null || e.after !== null,
            }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: events.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (n) => `共 ${n} 条`,
              onChange: (p) => {
                const next = new URLSearchParams(params);
                if (p > 1) next.set('page', String(p));
                else next.delete('page');
                setParams(next);
              },
            }}
            locale={{ emptyText: '没有符合条件的审计记录' }}
          />
        )}
      </Card>
    </PageContainer>
  );
}
