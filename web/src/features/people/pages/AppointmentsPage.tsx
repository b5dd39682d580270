import { Button, Card, Input, Segmented, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorResult } from '../../../components/ErrorResult';
import { PageContainer } from '../../../components/PageContainer';
import type { Appointment } from '../../../lib/api-types';
import { chineseDate } from '../../../lib/format';
import { APPOINTMENT_ACTION_COLOR, APPOINTMENT_ACTION_LABEL } from '../../../lib/labels';
import { useApi } from '../../../lib/use-api';
import { fetchAppointments } from '../api/appointments';
import { PersonHistory } from '../components/PersonHistory';
import { appointmentTerms } from '../components/terms';

type By = 'person' | 'post';

export function AppointmentsPage() {
  const [params, setParams] = useSearchParams();
  const by: By = params.has('post') ? 'post' : 'person';
  const term = params.get(by) ?? '';
  const [mode, setMode] = useState<By>(by);
  const [person, setPerson] = useState<string | null>(null);
  const list = useApi((signal) => fetchAppointments(term ? { [by]: term } : {}, signal), [by, term]);

  const allColumns: TableColumnsType<Appointment> = [
    {
      title: '姓名',
      dataIndex: 'person',
      key: 'person',
      width: 110,
      render: (name: string) => (
        <Button type="link" size="small" className="inline-link" onClick={() => setPerson(name)} aria-label={`查看 ${name} 的任免记录`}>
          {name}
        </Button>
      ),
    },
    { title: '任/免', dataIndex: 'action', key: 'action', width: 80, render: (a: Appointment['action']) => <Tag color={APPOINTMENT_ACTION_COLOR[a]}>{APPOINTMENT_ACTION_LABEL[a]}</Tag> },
    { title: '职务', dataIndex: 'post', key: 'post', width: 280 },
    { title: '试用期', key: 'probation', width: 140, render: (_v, a) => appointmentTerms(a) || '—' },
    {
      title: '文号',
      dataIndex: 'batch',
      key: 'batch',
      width: 190,
      render: (batch: string | null, a) => (batch ? a.documentId !== null ? <Link to={`/documents/${a.documentId}`}>{batch}</Link> : batch : '—'),
    },
    { title: '日期', dataIndex: 'date', key: 'date', width: 130, render: (d: string | null) => (d ? chineseDate(d) : '—') },
    { title: '来源', dataIndex: 'source', key: 'source', width: 220 },
  ];
  // Dates come from the batch's document when it is in the store; a column of dashes says nothing.
  const columns = allColumns.filter((c) => c.key !== 'date' || (list.data ?? []).some((a) => a.date !== null));

  const submit = (value: string) => {
    const next = new URLSearchParams();
    if (value.trim()) next.set(mode, value.trim());
    setParams(next);
  };

  return (
    <PageContainer title="人事任免" breadcrumb={[{ title: '首页', to: '/' }]}>
      <Card size="small">
        <Space wrap size={12} className="full-width">
          <Segmented<By>
            aria-label="检索方式"
            value={mode}
            onChange={setMode}
            options={[
              { label: '按姓名', value: 'person' },
              { label: '按职务', value: 'post' },
            ]}
          />
          <Input.Search
            key={`${by}:${term}`}
            defaultValue={mode === by ? term : ''}
            placeholder={mode === 'person' ? '输入姓名，如 张会禹' : '输入职务，如 副局长'}
            aria-label={mode === 'person' ? '按姓名检索' : '按职务检索'}
            enterButton="查询"
            allowClear
            onSearch={submit}
            className="filter-search"
          />
        </Space>
      </Card>
      <Card size="small" className="home-section" title={<h2 className="card-title">{term ? `“${term}”的任免` : '全部任免'}</h2>} extra={list.data && `共 ${list.data.length} 条`}>
        {list.error ? (
          <ErrorResult error={list.error} onRetry={list.reload} />
        ) : (
          <Table<Appointment>
            rowKey="id"
            size="small"
            loading={list.loading}
            columns={columns}
            dataSource={list.data ?? []}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => `共 ${n} 条`, hideOnSinglePage: true }}
            locale={{ emptyText: term ? '未找到相关任免' : '暂无任免记录' }}
          />
        )}
      </Card>
      <PersonHistory person={person} onClose={() => setPerson(null)} />
    </PageContainer>
  );
}
