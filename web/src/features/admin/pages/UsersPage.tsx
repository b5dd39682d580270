import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Grid, Popconfirm, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { ErrorResult } from '../../../components/ErrorResult';
import { PageContainer } from '../../../components/PageContainer';
import { errorMessage } from '../../../lib/api-client';
import type { UserView } from '../../../lib/api-types';
import { useAuth } from '../../../lib/auth';
import { beijingTime } from '../../../lib/format';
import { ROLE_COLOR, ROLE_LABEL, USER_STATUS_COLOR, USER_STATUS_LABEL, userStatus } from '../../../lib/labels';
import { useApi } from '../../../lib/use-api';
import { fetchPolicy, fetchUsers, unlockUser, updateUser } from '../api/admin';
import { ResetPasswordModal } from '../components/ResetPasswordModal';
import { UserFormModal } from '../components/UserFormModal';

export function UsersPage() {
  const { message } = App.useApp();
  const { me } = useAuth();
  const users = useApi((signal) => fetchUsers(signal), []);
  // The labels of roles and what each may do; the form falls back to the built-in labels without it.
  const policy = useApi((signal) => fetchPolicy(signal), []);
  const [editing, setEditing] = useState<UserView | null | undefined>(undefined);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const wide = Grid.useBreakpoint().md !== false;

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
      users.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: TableColumnsType<UserView> = [
    { title: '用户名', dataIndex: 'username', key: 'username', width: 130 },
    { title: '姓名', dataIndex: 'displayName', key: 'displayName', width: 110 },
    {
      title: '角色',
      dataIndex: 'roles',
      key: 'roles',
      width: 170,
      render: (roles: UserView['roles']) => (
        <span className="unit-tags">
          {roles.map((r) => (
            <Tag key={r} color={ROLE_COLOR[r]}>
              {ROLE_LABEL[r] ?? r}
            </Tag>
          ))}
        </span>
      ),
    },
    { title: '所属单位', dataIndex: 'unit', key: 'unit', width: 180, render: (u: string | null) => u ?? '—' },
    {
      title: '状态',
      key: 'status',
      width: 130,
      render: (_v, u) => {
        const s = userStatus(u);
        return (
          <span className="unit-tags">
            <Tag color={USER_STATUS_COLOR[s]}>{USER_STATUS_LABEL[s]}</Tag>
            {s === 'locked' && u.lockedUntil && <span className="muted">至 {beijingTime(u.lockedUntil).slice(5, 16)}</span>}
            {u.mustChangePassword && <Tag>待改密</Tag>}
          </span>
        );
      },
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', key: 'lastLoginAt', width: 160, render: (t: string | null) => (t ? beijingTime(t) : '从未登录') },
    {
      title: '操作',
      key: 'actions',
      width: 230,
      // Kept in sight on a wide screen; on a phone a fixed column would leave no room for the rest.
      fixed: wide ? 'right' : undefined,
      render: (_v, u) => {
        const self = u.id === me?.user.id;
        const s = userStatus(u);
        return (
          <Space size={0} wrap>
            <Button type="link" size="small" onClick={() => setEditing(u)}>
              编辑
            </Button>
            <Button type="link" size="small" onClick={() => setResetting(u)}>
              重置密码
            </Button>
            {!self && (
              <Popconfirm
                title={u.disabled ? `启用用户 ${u.displayName}？` : `停用用户 ${u.displayName}？`}
                description={u.disabled ? undefined : '停用后该用户无法登录，其会话将失效。'}
                okText={u.disabled ? '启用' : '停用'}
                cancelText="取消"
                onConfirm={() => act(() => updateUser(u.id, { disabled: !u.disabled }), u.disabled ? '已启用' : '已停用')}
              >
                <Button type="link" size="small" danger={!u.disabled}>
                  {u.disabled ? '启用' : '停用'}
                </Button>
              </Popconfirm>
            )}
            {s === 'locked' && (
              <Button type="link" size="small" onClick={() => void act(() => unlockUser(u.id), '已解锁')}>
                解锁
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <PageContainer
      title="用户管理"
      breadcrumb={[{ title: '首页', to: '/' }, { title: '系统管理' }]}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          新增用户
        </Button>
      }
    >
      <Card size="small">
        {users.error ? (
          <ErrorResult error={users.error} onRetry={users.reload} />
        ) : (
          <Table<UserView>
            rowKey="id"
            size="small"
            loading={users.loading}
            columns={columns}
            dataSource={users.data ?? []}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => `共 ${n} 个用户`, hideOnSinglePage: true }}
            locale={{ emptyText: '暂无用户' }}
          />
        )}
      </Card>
      <UserFormModal
        open={editing !== undefined}
        user={editing ?? null}
        policy={policy.data}
        onClose={() => setEditing(undefined)}
        onSaved={(u) => {
          message.success(editing ? `已保存 ${u.displayName}` : `已新增用户 ${u.displayName}`);
          setEditing(undefined);
          users.reload();
        }}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={() => {
          message.success('密码已重置，该用户下次登录时须修改密码');
          setResetting(null);
          users.reload();
        }}
      />
    </PageContainer>
  );
}
