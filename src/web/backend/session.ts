import { useQuery } from '@tanstack/react-query';
import type { TSession, TSessionUser } from '../../contracts/auth';
import type { Role } from '../../contracts/domain';
import type { TAppInfo } from '../../contracts/meta';
import { ApiError, api, setCsrfToken } from './client';

export const SESSION_KEY = ['session'] as const;

/** The current session, or null when nobody is signed in. */
export async function fetchSession(): Promise<TSession | null> {
  try {
    const session = await api<TSession>('/auth/me', { allow401: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
}

/** The signed-in user; only for components rendered behind RequireAuth. */
export function useCurrentUser(): TSessionUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser outside an authenticated route');
  return data.user;
}

export function useHasRole(...roles: Role[]): boolean {
  const { data } = useSession();
  return data ? roles.includes(data.user.role) : false;
}

export function useAppInfo() {
  return useQuery({
    queryKey: ['meta'],
    queryFn: () => api<TAppInfo>('/meta', { allow401: true }),
    staleTime: 5 * 60_000,
  });
}
