import { Spin } from 'antd';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Forbidden } from '../../components/ErrorResult';
import type { Permission } from '../../lib/api-types';
import { useCan } from '../../lib/authorization';
import { useAuth } from '../../lib/auth';
import { useTitle } from '../../lib/use-title';

const ForcedPasswordPage = lazy(() => import('../../features/auth/pages/ForcedPasswordPage').then((m) => ({ default: m.ForcedPasswordPage })));

export function FullPageSpin() {
  return (
    <div className="full-page-center" role="status">
      <Spin size="large" description="正在加载…" />
    </div>
  );
}

/** The app's routes are for signed-in people; others go to /login and come back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, me, ensure } = useAuth();
  const location = useLocation();
  useEffect(ensure, [ensure]);
  if (status === 'idle' || status === 'loading') return <FullPageSpin />;
  if (!me) {
    const back = location.pathname + location.search + location.hash;
    return <Navigate to={back === '/' ? '/login' : `/login?redirect=${encodeURIComponent(back)}`} replace />;
  }
  // A password set by an administrator is changed before anything else is shown.
  if (me.user.mustChangePassword)
    return (
      <Suspense fallback={<FullPageSpin />}>
        <ForcedPasswordPage />
      </Suspense>
    );
  return <>{children}</>;
}

function ForbiddenPage() {
  useTitle('无权访问');
  return <Forbidden standalone />;
}

/** A route some may not open: they get 无权访问, as they would from the server's 403. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan()(permission) ? <>{children}</> : <ForbiddenPage />;
}
