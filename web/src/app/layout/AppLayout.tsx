import { DownOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Dropdown, Grid, Layout, Menu, type MenuProps, Space, Spin, Tag } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useIncomingCounts } from '../../features/incoming/api/todo';
import { useCan } from '../../lib/authorization';
import { useAuth } from '../../lib/auth';
import { ROLE_COLOR, ROLE_LABEL } from '../../lib/labels';
import { NAV, navKeyOf, PUBLIC_NAV_ITEM } from './nav';

const ChangePasswordModal = lazy(() => import('../../features/auth/components/ChangePasswordModal').then((m) => ({ default: m.ChangePasswordModal })));

function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const can = useCan();
  const { me } = useAuth();
  const { pathname } = useLocation();
  const counts = useIncomingCounts();
  const items = useMemo<MenuProps['items']>(() => {
    const out: NonNullable<MenuProps['items']> = [];
    for (const group of NAV) {
      const children = group.items
        .filter((i) => can(i.permission))
        .map((i) => {
          const n = i.badge && counts ? counts[i.badge] : 0;
          return {
            key: i.path,
            icon: i.icon,
            label: (
              <Link to={i.path} onClick={onNavigate}>
                {i.label}
                {n > 0 && (
                  // Read out as 待办（3 件）, 传阅给我（1 份未读）: the brackets and words are for the screen reader only.
                  <span className="nav-badge">
                    <span className="visually-hidden">（</span>
                    {n}
                    <span className="visually-hidden">{i.badge === 'unread' ? ' 份未读）' : ' 件）'}</span>
                  </span>
                )}
              </Link>
            ),
          };
        });
      if (children.length === 0) continue;
      if (group.label) out.push({ type: 'group', key: group.label, label: group.label, children });
      else out.push(...children);
    }
    if (me?.publicLibrary)
      out.push({ type: 'divider', key: 'd' }, { key: PUBLIC_NAV_ITEM.path, icon: PUBLIC_NAV_ITEM.icon, label: <Link to={PUBLIC_NAV_ITEM.path}>{PUBLIC_NAV_ITEM.label}</Link> });
    return out;
  }, [can, me, onNavigate, counts]);
  return (
    <nav aria-label="主导航">
      <Menu mode="inline" selectedKeys={[navKeyOf(pathname)]} items={items} className="side-menu" />
    </nav>
  );
}

function Brand() {
  return (
    <Link to="/" className="brand" title="返回首页">
      <span className="brand-mark" aria-hidden="true">
        督
      </span>
      <span className="brand-name">督办</span>
    </Link>
  );
}

function UserMenu({ compact, onChangePassword }: { compact: boolean; onChangePassword: () => void }) {
  const { me, signOut } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const can = useCan();
  if (!me) return null;
  const out = async () => {
    try {
      await signOut();
    } catch {
      // The session is forgotten here even if the server could not be told.
    }
    message.success('已安全退出');
    navigate('/login', { replace: true });
  };
  const items: MenuProps['items'] = [
    ...(can('account.self') ? [{ key: 'password', icon: <KeyOutlined />, label: '修改密码' }] : []),
    { key: 'logout', icon: <LogoutOutlined />, label: '退出' },
  ];
  return (
    <Space size={compact ? 4 : 12} className="user-menu">
      <Dropdown
        trigger={['click']}
        menu={{ items, onClick: ({ key }) => (key === 'password' ? onChangePassword() : void out()) }}
      >
        <Button type="text" icon={<UserOutlined />} aria-label={`账户菜单：${me.user.displayName}`}>
          <span className={compact ? 'visually-hidden' : undefined}>{me.user.displayName || me.user.username}</span>
          <DownOutlined />
        </Button>
      </Dropdown>
      {!compact && (
        <Space size={4} className="role-tags" aria-label="角色">
          {me.user.roles.map((r) => (
            <Tag key={r} color={ROLE_COLOR[r]}>
              {ROLE_LABEL[r] ?? r}
            </Tag>
          ))}
          {me.user.unit && <Tag>{me.user.unit}</Tag>}
        </Space>
      )}
      <Button icon={<LogoutOutlined />} onClick={() => void out()} aria-label={compact ? '退出' : undefined}>
        {compact ? null : '退出'}
      </Button>
    </Space>
  );
}

/** Moves focus to the page's content, past the header and the menu (the first Tab stop of every page). */
function SkipLink() {
  return (
    <a
      href="#main-content"
      className="skip-link"
      onClick={(e) => {
        e.preventDefault();
        const main = document.getElementById('main-content');
        main?.focus();
        main?.scrollIntoView();
      }}
    >
      跳到主要内容
    </a>
  );
}

export function AppLayout() {
  const screens = Grid.useBreakpoint();
  // Before the first measure useBreakpoint answers {}; treat that as wide, the common case.
  const narrow = screens.md === false;
  const [drawer, setDrawer] = useState(false);
  const [password, setPassword] = useState(false);
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);

  // A new page moves focus to its content, as a full page load would reset it, so a keyboard or
  // screen reader user does not stay on the menu link that was pressed.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setDrawer(false);
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname]);

  return (
    <Layout className="app-layout">
      <SkipLink />
      <Layout.Header className="app-header">
        <Space size={8}>
          {narrow && <Button type="text" icon={<MenuOutlined />} aria-label="打开导航菜单" aria-expanded={drawer} onClick={() => setDrawer(true)} />}
          <Brand />
        </Space>
        <UserMenu compact={narrow} onChangePassword={() => setPassword(true)} />
      </Layout.Header>
      <Layout hasSider={!narrow}>
        {!narrow && (
          <Layout.Sider width={208} className="app-sider" theme="light">
            <SideMenu />
          </Layout.Sider>
        )}
        {narrow && (
          <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" size={260} title="导航" className="nav-drawer" styles={{ body: { padding: 0 } }}>
            <SideMenu onNavigate={() => setDrawer(false)} />
          </Drawer>
        )}
        <Layout.Content id="main-content" ref={mainRef} tabIndex={-1} className="app-content">
          <Suspense
            fallback={
              <div className="page-loading">
                <Spin size="large" description="正在加载…" />
              </div>
            }
          >
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {password && (
        <Suspense fallback={null}>
          <ChangePasswordModal open={password} onClose={() => setPassword(false)} />
        </Suspense>
      )}
    </Layout>
  );
}
