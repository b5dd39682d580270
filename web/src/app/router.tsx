import { Suspense } from 'react';
import { createBrowserRouter, Outlet, RouterProvider } from 'react-router-dom';
import { NotFound } from '../components/ErrorResult';
import type { Permission } from '../lib/api-types';
import { useTitle } from '../lib/use-title';
import { AppLayout } from './layout/AppLayout';
import { FullPageSpin, RequireAuth, RequirePermission } from './routes/guards';
import { lazyPage } from './routes/lazy';

const LoginPage = lazyPage(() => import('../features/auth/pages/LoginPage'), 'LoginPage');
const HomePage = lazyPage(() => import('../features/home/pages/HomePage'), 'HomePage');
const SearchPage = lazyPage(() => import('../features/search/pages/SearchPage'), 'SearchPage');
const DocumentPage = lazyPage(() => import('../features/documents/pages/DocumentPage'), 'DocumentPage');
const PrintPage = lazyPage(() => import('../features/documents/pages/PrintPage'), 'PrintPage');
const AppointmentsPage = lazyPage(() => import('../features/people/pages/AppointmentsPage'), 'AppointmentsPage');
const ChroniclePage = lazyPage(() => import('../features/chronicle/pages/ChroniclePage'), 'ChroniclePage');
const UnitsPage = lazyPage(() => import('../features/units/pages/UnitsPage'), 'UnitsPage');
const ImportPage = lazyPage(() => import('../features/imports/pages/ImportPage'), 'ImportPage');
const UsersPage = lazyPage(() => import('../features/admin/pages/UsersPage'), 'UsersPage');
const SessionsPage = lazyPage(() => import('../features/admin/pages/SessionsPage'), 'SessionsPage');
const AuditPage = lazyPage(() => import('../features/audit/pages/AuditPage'), 'AuditPage');
const LedgerListPage = lazyPage(() => import('../features/supervision/pages/LedgerListPage'), 'LedgerListPage');
const LedgerPage = lazyPage(() => import('../features/supervision/pages/LedgerPage'), 'LedgerPage');
const ItemPage = lazyPage(() => import('../features/supervision/pages/ItemPage'), 'ItemPage');
const MinePage = lazyPage(() => import('../features/supervision/pages/MinePage'), 'MinePage');
const NoticesPage = lazyPage(() => import('../features/supervision/pages/NoticesPage'), 'NoticesPage');
const ApprovalsPage = lazyPage(() => import('../features/supervision/pages/ApprovalsPage'), 'ApprovalsPage');
const DispatchPage = lazyPage(() => import('../features/supervision/pages/DispatchPage'), 'DispatchPage');
const BulletinPage = lazyPage(() => import('../features/supervision/pages/BulletinPage'), 'BulletinPage');
const ScoresPage = lazyPage(() => import('../features/supervision/pages/ScoresPage'), 'ScoresPage');
const RulesCalendarPage = lazyPage(() => import('../features/supervision/pages/RulesCalendarPage'), 'RulesCalendarPage');
const RegisterPage = lazyPage(() => import('../features/incoming/pages/RegisterPage'), 'RegisterPage');
const RegistryPage = lazyPage(() => import('../features/incoming/pages/RegistryPage'), 'RegistryPage');
const ArchivePage = lazyPage(() => import('../features/incoming/pages/ArchivePage'), 'ArchivePage');
const ArchiveSettingsPage = lazyPage(() => import('../features/incoming/pages/ArchiveSettingsPage'), 'ArchiveSettingsPage');
const HandlingPage = lazyPage(() => import('../features/incoming/pages/HandlingPage'), 'HandlingPage');
const TodoPage = lazyPage(() => import('../features/incoming/pages/TodoPage'), 'TodoPage');
const CirculatedPage = lazyPage(() => import('../features/incoming/pages/CirculatedPage'), 'CirculatedPage');
const CirculatedReadPage = lazyPage(() => import('../features/incoming/pages/CirculatedPage'), 'CirculatedReadPage');
const OfficeLeadersPage = lazyPage(() => import('../features/admin/pages/OfficeLeadersPage'), 'OfficeLeadersPage');
const IncomingDetailPage = lazyPage(() => import('../features/incoming/pages/IncomingDetailPage'), 'IncomingDetailPage');
const PublicLayout = lazyPage(() => import('../features/public/components/PublicLayout'), 'PublicLayout');
const PublicHomePage = lazyPage(() => import('../features/public/pages/PublicHomePage'), 'PublicHomePage');
const PublicDocumentPage = lazyPage(() => import('../features/public/pages/PublicDocumentPage'), 'PublicDocumentPage');

function NotFoundPage() {
  useTitle('页面不存在');
  return <NotFound standalone message="您访问的页面不存在，请检查地址或从菜单进入。" />;
}

const guarded = (permission: Permission, element: React.ReactNode) => <RequirePermission permission={permission}>{element}</RequirePermission>;

function Standalone() {
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Outlet />
    </Suspense>
  );
}

const router = createBrowserRouter([
  {
    element: <Standalone />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        path: '/public',
        element: <PublicLayout />,
        children: [
          { index: true, element: <PublicHomePage /> },
          { path: 'documents/:id', element: <PublicDocumentPage /> },
        ],
      },
      {
        path: '/documents/:id/print',
        element: <RequireAuth>{guarded('library.read', <PrintPage />)}</RequireAuth>,
      },
    ],
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: guarded('library.read', <HomePage />) },
      { path: 'search', element: guarded('library.read', <SearchPage />) },
      { path: 'documents/:id', element: guarded('library.read', <DocumentPage />) },
      { path: 'appointments', element: guarded('library.read', <AppointmentsPage />) },
      { path: 'chronicle', element: guarded('library.read', <ChroniclePage />) },
      { path: 'units', element: guarded('library.read', <UnitsPage />) },
      { path: 'import', element: guarded('library.import', <ImportPage />) },
      { path: 'admin/users', element: guarded('users.manage', <UsersPage />) },
      { path: 'admin/sessions', element: guarded('sessions.manage', <SessionsPage />) },
      { path: 'audit', element: guarded('audit.read', <AuditPage />) },
      { path: 'supervision', element: guarded('supervision.read', <LedgerListPage />) },
      { path: 'supervision/ledgers/:id', element: guarded('supervision.read', <LedgerPage />) },
      { path: 'supervision/items/:id', element: guarded('supervision.read', <ItemPage />) },
      { path: 'supervision/mine', element: guarded('supervision.act', <MinePage />) },
      { path: 'supervision/notices', element: guarded('supervision.read', <NoticesPage />) },
      { path: 'supervision/approvals', element: guarded('supervision.manage', <ApprovalsPage />) },
      { path: 'supervision/dispatch', element: guarded('supervision.read', <DispatchPage />) },
      { path: 'supervision/bulletins/:month?', element: guarded('supervision.read', <BulletinPage />) },
      { path: 'supervision/scores', element: guarded('supervision.read', <ScoresPage />) },
      { path: 'supervision/rules', element: guarded('supervision.read', <RulesCalendarPage />) },
      { path: 'incoming', element: guarded('incoming.read', <RegistryPage />) },
      { path: 'incoming/register', element: guarded('incoming.register', <RegisterPage />) },
      { path: 'incoming/archive', element: guarded('incoming.archive', <ArchivePage />) },
      { path: 'incoming/archive-settings', element: guarded('archive.settings', <ArchiveSettingsPage />) },
      { path: 'incoming/handling', element: guarded('incoming.handle', <HandlingPage />) },
      { path: 'incoming/todo', element: guarded('incoming.receive', <TodoPage />) },
      { path: 'incoming/circulated', element: guarded('incoming.receive', <CirculatedPage />) },
      { path: 'incoming/circulated/:id', element: guarded('incoming.receive', <CirculatedReadPage />) },
      { path: 'incoming/:id', element: guarded('incoming.read', <IncomingDetailPage />) },
      { path: 'admin/leaders', element: guarded('leaders.manage', <OfficeLeadersPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

/**
 * The page asked for starts loading at once, while the application asks who is signed in; without
 * this its chunk would be fetched only after that answer (the first screen a little later).
 */
const FIRST_PAGE: [RegExp, { preload: () => void }][] = [
  [/^\/$/, HomePage],
  [/^\/search/, SearchPage],
  [/^\/documents\/\d+$/, DocumentPage],
  [/^\/login/, LoginPage],
  [/^\/public\/?$/, PublicHomePage],
  [/^\/public\/documents\//, PublicDocumentPage],
];
FIRST_PAGE.find(([path]) => path.test(window.location.pathname))?.[1].preload();

export function AppRouter() {
  return <RouterProvider router={router} />;
}
