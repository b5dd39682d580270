import {
  ApartmentOutlined,
  AuditOutlined,
  BarsOutlined,
  CarryOutOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  ContainerOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  DesktopOutlined,
  FileAddOutlined,
  FileTextOutlined,
  FolderOpenOutlined,
  GlobalOutlined,
  MailOutlined,
  NotificationOutlined,
  HomeOutlined,
  IdcardOutlined,
  InboxOutlined,
  ProfileOutlined,
  ReadOutlined,
  ScheduleOutlined,
  SearchOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../lib/api-types';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  permission: Permission;
  /** A count shown beside the label (useIncomingCounts): what waits, or the unread 传阅. */
  badge?: 'todo' | 'unread';
}

export interface NavGroup {
  label: string | null;
  items: NavItem[];
}

/** The menu. An item shows only to those who hold its permission (the same one its route checks). */
export const NAV: NavGroup[] = [
  {
    label: null,
    items: [
      { path: '/', label: '首页', icon: <HomeOutlined />, permission: 'library.read' },
      { path: '/search', label: '检索', icon: <SearchOutlined />, permission: 'library.read' },
      { path: '/appointments', label: '人事任免', icon: <IdcardOutlined />, permission: 'library.read' },
      { path: '/chronicle', label: '大事记', icon: <ScheduleOutlined />, permission: 'library.read' },
      { path: '/units', label: '单位', icon: <ApartmentOutlined />, permission: 'library.read' },
      { path: '/import', label: '导入', icon: <CloudUploadOutlined />, permission: 'library.import' },
    ],
  },
  {
    label: '督查督办',
    items: [
      { path: '/supervision', label: '督办台账', icon: <ProfileOutlined />, permission: 'supervision.read' },
      { path: '/supervision/mine', label: '我的任务', icon: <CarryOutOutlined />, permission: 'supervision.act' },
      { path: '/supervision/notices', label: '督办文书', icon: <MailOutlined />, permission: 'supervision.read' },
      { path: '/supervision/approvals', label: '审批', icon: <CheckSquareOutlined />, permission: 'supervision.manage' },
      { path: '/supervision/dispatch', label: '分级调度', icon: <BarsOutlined />, permission: 'supervision.read' },
      { path: '/supervision/bulletins', label: '月通报', icon: <NotificationOutlined />, permission: 'supervision.read' },
      { path: '/supervision/scores', label: '考核', icon: <TrophyOutlined />, permission: 'supervision.read' },
      { path: '/supervision/rules', label: '规则与日历', icon: <CalendarOutlined />, permission: 'supervision.read' },
    ],
  },
  {
    label: '收文批办',
    items: [
      { path: '/incoming/todo', label: '待办', icon: <ContainerOutlined />, permission: 'incoming.receive', badge: 'todo' },
      { path: '/incoming/circulated', label: '传阅给我', icon: <ReadOutlined />, permission: 'incoming.receive', badge: 'unread' },
      { path: '/incoming/register', label: '收文登记', icon: <FileAddOutlined />, permission: 'incoming.register' },
      { path: '/incoming', label: '收文簿', icon: <FileTextOutlined />, permission: 'incoming.read' },
      { path: '/incoming/handling', label: '我的承办', icon: <SolutionOutlined />, permission: 'incoming.handle' },
      { path: '/incoming/archive', label: '归档', icon: <InboxOutlined />, permission: 'incoming.archive' },
    ],
  },
  {
    label: '系统管理',
    items: [
      { path: '/admin/users', label: '用户管理', icon: <TeamOutlined />, permission: 'users.manage' },
      { path: '/admin/sessions', label: '会话管理', icon: <DesktopOutlined />, permission: 'sessions.manage' },
      { path: '/admin/leaders', label: '领导分管表', icon: <ClusterOutlined />, permission: 'leaders.manage' },
      { path: '/audit', label: '审计日志', icon: <AuditOutlined />, permission: 'audit.read' },
      { path: '/incoming/archive-settings', label: '归档设置', icon: <FolderOpenOutlined />, permission: 'archive.settings' },
    ],
  },
];

export const PUBLIC_NAV_ITEM = { path: '/public', label: '公开政策文件库', icon: <GlobalOutlined /> };

/** The menu key of a location: the longest item path it lies under (/documents/… belongs to 检索). */
export function navKeyOf(pathname: string): string {
  if (pathname.startsWith('/documents')) return '/search';
  const paths = NAV.flatMap((g) => g.items.map((i) => i.path)).filter((p) => p !== '/');
  const hit = paths.filter((p) => pathname === p || pathname.startsWith(`${p}/`)).sort((a, b) => b.length - a.length)[0];
  return hit ?? '/';
}
