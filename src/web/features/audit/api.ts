import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TAuditEntry } from '../../../contracts/audit';
import { apiGet } from '../../backend/client';

export interface AuditFilters {
  actor?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
}

interface AuditPage {
  items: TAuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

export function useAudit(params: AuditFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['audit', params],
    queryFn: () => apiGet<AuditPage>('/audit', { ...params }),
    placeholderData: keepPreviousData,
  });
}
