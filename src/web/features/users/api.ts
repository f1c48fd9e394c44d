import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../contracts/domain';
import type { TUser, TUserCreate, TUserUpdate } from '../../../contracts/users';
import { apiGet, apiPatch, apiPost } from '../../backend/client';

export interface UserListParams {
  q?: string;
  role?: Role;
  page: number;
  pageSize: number;
}

interface UserPage {
  items: TUser[];
  total: number;
  page: number;
  pageSize: number;
}

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: ['users', params],
    queryFn: () => apiGet<UserPage>('/users', { ...params }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['users'] });
}

export function useCreateUser() {
  const invalidate = useInvalidate();
  return useMutation({
    meta: { handlesError: true },
    mutationFn: (body: TUserCreate) => apiPost<TUser>('/users', body),
    onSuccess: invalidate,
  });
}

export function useUpdateUser(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    meta: { handlesError: true },
    mutationFn: (body: TUserUpdate) => apiPatch<TUser>(`/users/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => apiPost<{ temporaryPassword: string }>(`/users/${id}/reset-password`),
    onSuccess: invalidate,
  });
}

export function useUnlockUser() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => apiPost<TUser>(`/users/${id}/unlock`),
    onSuccess: invalidate,
  });
}
