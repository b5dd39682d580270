import { EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Grid, Input, Modal, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorResult } from '../../../components/ErrorResult';
import { PageContainer } from '../../../components/PageContainer';
import { errorMessage } from '../../../lib/api-client';
import type { OfficeLeader } from '../../../lib/api-types';
import { useApi } from '../../../lib/use-api';
import { fetchOfficeLeaders, saveOfficeLeaders } from '../api/office-leaders';
import { UnitsSelect } from '../components/UnitsSelect';

type Row = Omit<OfficeLeader, 'id'> & { id: number | null };

/** The table as the server takes it: every row, in order, each with its id when it has one. */
const body = (rows: readonly Row[]) => rows.map((r) => ({ id: r.id, name: r.name, title: r.title, areas: r.areas, units: r.units }));

function LeaderModal({ leader, onCancel, onSave }: { leader: Row | null; onCancel: () => void; onSave: (row: Row) => Promise<boolean> }) {
  const [form] = Form.useForm<Row>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={leader ? `编辑领导：${leader.name}` : '新增领导'}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ loading: busy, htmlType: 'submit', form: 'office-leader' }}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form
        id="office-leader"
        form={form}
        layout="vertical"
        initialValues={leader ?? { id: null, name: '', title: '', areas: [], units: [] }}
        onFinish={async (v) => {
          setBusy(true);
          // The dialog stays open when the server refuses, with what was typed.
          await onSave({ id: leader?.id ?? null, name: v.name.trim(), title: (v.title ?? '').trim(), areas: v.areas ?? [], units: v.units ?? [] });
          setBusy(false);
        }}
      >
        <Form.Item name="name" label="姓名" extra="与督办用户的姓名一致时，拟办起草可直接选中该领导" rules={[{ required: true, whitespace: true, message: '请填写领导姓名' }, { max: 50, message: '不能超过 50 字' }]}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="title" label="职务" rules={[{ max: 100, message: '不能超过 100 字' }]}>
          <Input placeholder="如：副区长" />
        </Form.Item>
        <Form.Item name="areas" label="分管领域" extra="输入后按回车添加；* 表示全部领域">
          <Select mode="tags" tokenSeparators={['，', ',', '、']} placeholder="如：教育、供暖" notFoundContent={null} />
        </Form.Item>
        <Form.Item name="units" label="分管单位">
          <UnitsSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 领导分管表: the leaders, their titles, areas (分管领域: what a 拟办 draft matches a document
 * against) and units (分管单位: whom a 督办单 copies). Each change saves the whole table, as the
 * server takes it; 停用 leaves the leader out (kept on the server as inactive, not deleted).
 */
export function OfficeLeadersPage() {
  const { message, modal } = App.useApp();
  const leaders = useApi((signal) => fetchOfficeLeaders(signal), []);
  const [editing, setEditing] = useState<Row | null | undefined>(undefined);
  const wide = Grid.useBreakpoint().md !== false;
  const rows: Row[] = leaders.data ?? [];

  const save = async (next: Row[], done: string) => {
    try {
      await saveOfficeLeaders(body(next));
      message.success(done);
      leaders.reload();
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
  };

  const tags = (list: string[]) =>
    list.length === 0 ? (
      '—'
    ) : (
      <span className="unit-tags">
        {list.map((a) => (
          <Tag key={a}>{a === '*' ? '全部' : a}</Tag>
        ))}
      </span>
    );
  const acts = (r: Row) => (
    <Space size={4} wrap>
      <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} aria-label={`编辑${r.name}`}>
        编辑
      </Button>
      <Button
        size="small"
        danger
        icon={<StopOutlined />}
        aria-label={`停用${r.name}`}
        onClick={() =>
          modal.confirm({
            title: `停用“${r.name}”？`,
            content: '停用后拟办起草不再呈阅该领导，督办单不再抄送；记录保留在案。',
            okText: '停用',
            okButtonProps: { danger: true },
            cancelText: '取消',
            onOk: () => save(rows.filter((x) => x !== r), `已停用${r.name}`),
          })
        }
      >
        停用
      </Button>
    </Space>
  );

  const columns: TableColumnsType<Row> = wide
    ? [
        { title: '姓名', dataIndex: 'name', key: 'name', width: 110 },
        { title: '职务', dataIndex: 'title', key: 'title', width: 150, render: (t: string) => t || '—' },
        { title: '分管领域', key: 'areas', render: (_v, r) => tags(r.areas) },
        { title: '分管单位', key: 'units', render: (_v, r) => tags(r.units) },
        { title: '操作', key: 'acts', width: 170, render: (_v, r) => acts(r) },
      ]
    : [
        {
          title: '领导',
          key: 'stack',
          render: (_v, r) => (
            <Space direction="vertical" size={4}>
              <Typography.Text strong>
                {r.name}
                {r.title ? ` · ${r.title}` : ''}
              </Typography.Text>
              <span>分管领域：{tags(r.areas)}</span>
              <span>分管单位：{tags(r.units)}</span>
              {acts(r)}
            </Space>
          ),
        },
      ];

  if (leaders.error) return <ErrorResult standalone error={leaders.error} onRetry={leaders.reload} />;
  return (
    <PageContainer
      title="领导分管表"
      breadcrumb={[{ title: '首页', to: '/' }]}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          新增领导
        </Button>
      }
    >
      <Card size="small">
        <Typography.Paragraph type="secondary">拟办起草按分管领域匹配呈阅的领导；督办单抄送分管该单位的领导。</Typography.Paragraph>
        <Table<Row> rowKey={(r) => r.id ?? r.name} size="middle" columns={columns} dataSource={rows} loading={leaders.loading} pagination={false} locale={{ emptyText: '尚未填写领导分管表' }} />
      </Card>
      {editing !== undefined && (
        <LeaderModal
          leader={editing}
          onCancel={() => setEditing(undefined)}
          onSave={async (row) => {
            const next = editing === null ? [...rows, row] : rows.map((r) => (r === editing ? row : r));
            const ok = await save(next, editing === null ? `已新增${row.name}` : `已保存${row.name}`);
            if (ok) setEditing(undefined);
            return ok;
          }}
        />
      )}
    </PageContainer>
  );
}
