import { MutationCache, QueryClient } from '@tanstack/react-query';
import { showError } from '../ui/feedback';
import { ApiError } from './client';

declare module '@tanstack/react-query' {
  interface Register {
    /** `handlesError`: the mutation shows its own errors (form fields, dialogs); skip the global toast. */
    mutationMeta: { handlesError?: boolean };
  }
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      // Client errors (4xx) will not change on retry.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
  },
  mutationCache: new MutationCache({
    onError: (err, _vars, _ctx, mutation) => {
      if (mutation.meta?.handlesError) return;
      if (err instanceof ApiError && err.code === 'unauthenticated') return;
      showError(err);
    },
  }),
});
