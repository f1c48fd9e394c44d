import { type ComponentType, lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { PlaceholderPage } from '../features/placeholder/PlaceholderPage';
import { NotFoundPage } from '../ui/StatusPages';
import { AppShell } from './AppShell';
import { RequireAuth, RequireRole } from './guards';

/** Lazily loads a page exported by name, so each module is its own chunk. */
function page<M>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const HomePage = page(() => import('../features/home/HomePage'), 'HomePage');
const ChangePasswordPage = page(() => import('../features/auth/ChangePasswordPage'), 'ChangePasswordPage');
const UnitsPage = page(() => import('../features/units/UnitsPage'), 'UnitsPage');
const UnitDetailPage = page(() => import('../features/units/UnitDetailPage'), 'UnitDetailPage');
const UnitImportPage = page(() => import('../features/units/import/UnitImportPage'), 'UnitImportPage');
const UnitReorgPage = page(() => import('../features/units/reorg/UnitReorgPage'), 'UnitReorgPage');
const UsersPage = page(() => import('../features/users/UsersPage'), 'UsersPage');
const AuditPage = page(() => import('../features/audit/AuditPage'), 'AuditPage');

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'change-password', element: <ChangePasswordPage /> },
      { path: 'units', element: <UnitsPage /> },
      {
        path: 'units/import',
        element: (
          <RequireRole roles={['admin', 'organiser']}>
            <UnitImportPage />
          </RequireRole>
        ),
      },
      {
        path: 'units/reorganize',
        element: (
          <RequireRole roles={['admin', 'organiser']}>
            <UnitReorgPage />
          </RequireRole>
        ),
      },
      { path: 'units/:id', element: <UnitDetailPage /> },
      { path: 'dti/frameworks', element: <PlaceholderPage module="frameworks" /> },
      { path: 'dti/cycles', element: <PlaceholderPage module="cycles" /> },
      { path: 'dti/results', element: <PlaceholderPage module="dtiResults" /> },
      { path: 'contest/questions', element: <PlaceholderPage module="questions" /> },
      { path: 'contest/exams', element: <PlaceholderPage module="exams" /> },
      { path: 'contest/results', element: <PlaceholderPage module="contestResults" /> },
      {
        path: 'admin/users',
        element: (
          <RequireRole roles={['admin']}>
            <UsersPage />
          </RequireRole>
        ),
      },
      {
        path: 'admin/audit',
        element: (
          <RequireRole roles={['admin']}>
            <AuditPage />
          </RequireRole>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
