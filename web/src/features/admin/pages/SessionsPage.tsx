import { App, Button, Card, Popconfirm, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { ErrorResult } from '../../../components/ErrorResult';
import { PageContainer } from '../../../components/PageContainer';
import { errorMessage } from '../../../lib/api-client';
import type { SessionView } from '../../../lib/api-types';
import { beijingTime } from '../../../lib/format';
import { useApi } from '../../../lib/use-api';
import { fetchSessions, revokeSession } from '../api/admin';

/** A browser in a few words, from its user agent string. */
function browserOf(ua: string | null): string {
  if (!ua) return '—';
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrome\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : '其他浏览器';
  const os = /Windows/.test(ua) ? 'Windows' : /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Mac OS/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : '';
  return os ? `${browser} · ${os}` : browser;
}

export function SessionsPage() {
  const { message } = App.useApp();
  const sessions = useApi((signal) => fetchSessions(signal), []);

  const revoke = async (s: SessionView) => {
    try {
      await revokeSession(s.id);
      message.success(`已强制 ${s.username} 的会话下线`);
      sessions.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: TableColumnsType<SessionView> = [
    {
      title: '用户',
      dataIndex: 'username',
      key: 'username',
      width: 150,
      render: (name: string, s) => (
        <span className="unit-tags">
          {name}
          {s.current && <Tag color="blue">当前会话</Tag>}
        </span>
      ),
    },
    { title: '登录时间', dataIndex: 'createdAt', key: 'createdAt', width: 170, render: beijingTime },
    { title: '最近活动', dataIndex: 'lastSeenAt', key: 'lastSeenAt', width: 170, render: beijingTime, defaultSortOrder: 'descend', sorter: (a, b) => a.lastSeenAt.localeCompare(b.lastSeenAt) },
    { title: '到期时间', dataIndex: 'expiresAt', key: 'expiresAt', width: 170, render: beijingTime },
    { title: 'IP 地址', dataIndex: 'ip', key: 'ip', width: 140, render: (ip: string | null) => ip ?? '—' },
    {
      title: '浏览器',
      dataIndex: 'userAgent',
      key: 'userAgent',
      width: 160,
      render: (ua: string | null) => (ua ? <Tooltip title={ua}>{browserOf(ua)}</Tooltip> : '—'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      render: (_v, s) =>
        s.current ? (
          <span className="muted">本人当前</span>
        ) : (
          <Popconfirm title={`强制 ${s.username} 的此会话下线？`} description="该浏览器将须重新登录。" okText="强制下线" cancelText="取消" onConfirm={() => revoke(s)}>
            <Button type="link" size="small" danger>
              强制下线
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <PageContainer title="会话管理" breadcrumb={[{ title: '首页', to: '/' }, { title: '系统管理' }]} extra={<Button onClick={sessions.reload}>刷新</Button>}>
      <Card size="small">
        {sessions.error ? (
          <ErrorResult error={sessions.error} onRetry={sessions.reload} />
        ) : (
          <Table<SessionView>
            rowKey="id"
            size="small"
            loading={sessions.loading}
            columns={columns}
            dataSource={sessions.data ?? []}
            rowClassName={(s) => (s.current ? 'row-current' : '')}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => `共 ${n} 个会话`, hideOnSinglePage: true }}
            locale={{ emptyText: '暂无活动会话' }}
          />
        )}
      </Card>
    </PageContainer>
  );
}
