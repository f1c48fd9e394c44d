import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../../contracts/domain';
import { useSession } from '../backend/session';
import { ForbiddenPage, LoadError, PageLoading } from '../ui/StatusPages';

/** Shows the login page to anonymous visitors, and the change-password page when it is required. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageLoading fullScreen />;
  if (session.isError)
    return <LoadError error={session.error} onRetry={() => session.refetch()} fullScreen />;
  if (!session.data) {
    const here = location.pathname + location.search;
    const next = here === '/' ? '' : `?next=${encodeURIComponent(here)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  if (session.data.user.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  return children;
}

export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { data } = useSession();
  if (!data || !roles.includes(data.user.role)) return <ForbiddenPage />;
  return children;
}
