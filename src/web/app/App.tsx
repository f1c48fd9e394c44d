import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import i18n from 'i18next';
import { RouterProvider } from 'react-router';
import { setUnauthenticatedHandler } from '../backend/client';
import { queryClient } from '../backend/queryClient';
import { SESSION_KEY } from '../backend/session';
import { FeedbackBridge, showInfo } from '../ui/feedback';
import { LocaleProvider } from './LocaleProvider';
import { router } from './routes';

// Any 401 from the API means the session is gone: forget it, RequireAuth then shows the login page.
setUnauthenticatedHandler(() => {
  if (!queryClient.getQueryData(SESSION_KEY)) return;
  showInfo(i18n.t('errors.sessionExpired'));
  queryClient.setQueryData(SESSION_KEY, null);
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <AntApp>
          <FeedbackBridge />
          <RouterProvider router={router} />
        </AntApp>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
