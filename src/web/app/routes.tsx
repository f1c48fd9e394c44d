import { type ComponentType, lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
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
const ContestsPage = page(() => import('../features/contests/ContestsPage'), 'ContestsPage');
const ContestPage = page(() => import('../features/contests/ContestPage'), 'ContestPage');
const ContestResultsPage = page(
  () => import('../features/contest-results/ContestResultsPage'),
  'ContestResultsPage',
);
const QuestionsPage = page(() => import('../features/questions/QuestionsPage'), 'QuestionsPage');
const QuestionImportPage = page(
  () => import('../features/questions/import/QuestionImportPage'),
  'QuestionImportPage',
);
const FrameworksPage = page(() => import('../features/frameworks/FrameworksPage'), 'FrameworksPage');
const FrameworkPage = page(() => import('../features/frameworks/FrameworkPage'), 'FrameworkPage');
const FrameworkComparePage = page(() => import('../features/frameworks/ComparePage'), 'ComparePage');
const FrameworkImportPage = page(
  () => import('../features/frameworks/FrameworkImportPage'),
  'FrameworkImportPage',
);
const ScenariosPage = page(() => import('../features/scenarios/ScenariosPage'), 'ScenariosPage');
const ScenarioPage = page(() => import('../features/scenarios/ScenarioPage'), 'ScenarioPage');
const ProctorSessionsPage = page(
  () => import('../features/proctor/ProctorSessionsPage'),
  'ProctorSessionsPage',
);
const CyclesPage = page(() => import('../features/cycles/CyclesPage'), 'CyclesPage');
const CyclePage = page(() => import('../features/cycles/CyclePage'), 'CyclePage');
const UnitFormPage = page(() => import('../features/cycles/form/UnitFormPage'), 'UnitFormPage');
const ProctorSessionPage = page(() => import('../features/proctor/ProctorSessionPage'), 'ProctorSessionPage');
const UnitAppealsPage = page(
  () => import('../features/contest-results/appeals/UnitAppealsPage'),
  'UnitAppealsPage',
);
const ResultsPage = page(() => import('../features/results/ResultsPage'), 'ResultsPage');
const WhatIfPage = page(() => import('../features/results/what-if/WhatIfPage'), 'WhatIfPage');
const UnitProfilePage = page(() => import('../features/results/profile/UnitProfilePage'), 'UnitProfilePage');

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
      { path: 'dti/frameworks', element: <FrameworksPage /> },
      { path: 'dti/frameworks/compare', element: <FrameworkComparePage /> },
      {
        path: 'dti/frameworks/import',
        element: (
          <RequireRole roles={['admin', 'organiser']}>
            <FrameworkImportPage />
          </RequireRole>
        ),
      },
      { path: 'dti/frameworks/:id', element: <FrameworkPage /> },
      { path: 'dti/cycles', element: <CyclesPage /> },
      { path: 'dti/cycles/:id', element: <CyclePage /> },
      { path: 'dti/cycles/:id/units/:unitId', element: <UnitFormPage /> },
      {
        path: 'dti/results',
        element: (
          <RequireRole roles={['admin', 'organiser', 'council', 'viewer']}>
            <ResultsPage />
          </RequireRole>
        ),
      },
      {
        path: 'dti/results/:cycleId/what-if',
        element: (
          <RequireRole roles={['admin', 'organiser']}>
            <WhatIfPage />
          </RequireRole>
        ),
      },
      {
        // Reporters reach their own unit's profile; the server refuses any other unit.
        path: 'dti/results/:cycleId/units/:unitId',
        element: (
          <RequireRole roles={['admin', 'organiser', 'council', 'viewer', 'reporter']}>
            <UnitProfilePage />
          </RequireRole>
        ),
      },
      {
        path: 'contest/questions',
        element: (
          <RequireRole roles={['admin', 'organiser']}>
            <QuestionsPage />
          </RequireRole>
        ),
      },
      {
        path: 'contest/questions/import',
        element: (
          <RequireRole roles={['admin', 'organiser']}>
            <QuestionImportPage />
          </RequireRole>
        ),
      },
      {
        path: 'contest/exams',
        element: (
          <RequireRole roles={['admin', 'organiser', 'proctor']}>
            <ContestsPage />
          </RequireRole>
        ),
      },
      {
        path: 'contest/exams/:id',
        element: (
          <RequireRole roles={['admin', 'organiser', 'proctor']}>
            <ContestPage />
          </RequireRole>
        ),
      },
      {
        path: 'contest/scenarios',
        element: (
          <RequireRole roles={['admin', 'organiser']}>
            <ScenariosPage />
          </RequireRole>
        ),
      },
      {
        path: 'contest/scenarios/:code',
        element: (
          <RequireRole roles={['admin', 'organiser']}>
            <ScenarioPage />
          </RequireRole>
        ),
      },
      {
        path: 'contest/proctor',
        element: (
          <RequireRole roles={['admin', 'organiser', 'proctor']}>
            <ProctorSessionsPage />
          </RequireRole>
        ),
      },
      {
        path: 'contest/proctor/:sessionId',
        element: (
          <RequireRole roles={['admin', 'organiser', 'proctor']}>
            <ProctorSessionPage />
          </RequireRole>
        ),
      },
      {
        path: 'contest/results',
        element: (
          <RequireRole roles={['admin', 'organiser', 'viewer']}>
            <ContestResultsPage />
          </RequireRole>
        ),
      },
      {
        path: 'contest/appeals',
        element: (
          <RequireRole roles={['admin', 'organiser', 'reporter']}>
            <UnitAppealsPage />
          </RequireRole>
        ),
      },
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
