import type { TablePaginationConfig } from 'antd';
import { useSearchParams } from 'react-router';

export const PAGE_SIZES = [10, 20, 50, 100];
const DEFAULT_PAGE_SIZE = 20;

/** `value` when it is one of `allowed`: a hand-edited URL cannot send an unknown filter. */
export function pickParam<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

/**
 * A list's filters and page live in the URL, so a view can be shared, bookmarked and gone back to.
 * `read` turns the URL into filters; changing filters goes back to the first page.
 */
export function useListSearchParams<F extends object>(
  read: (params: URLSearchParams) => F,
): [F & { page: number; pageSize: number }, (filters: F, page?: number, pageSize?: number) => void] {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const size = Number(params.get('pageSize'));
  const pageSize = PAGE_SIZES.includes(size) ? size : DEFAULT_PAGE_SIZE;
  const update = (filters: F, nextPage = 1, nextSize = pageSize) => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) {
      if (value !== undefined && value !== null && value !== '') next.set(key, String(value));
    }
    if (nextPage > 1) next.set('page', String(nextPage));
    if (nextSize !== DEFAULT_PAGE_SIZE) next.set('pageSize', String(nextSize));
    setParams(next, { replace: true });
  };
  return [{ ...read(params), page, pageSize }, update];
}

/** The pager of a server-paged list. */
export function listPagination(
  data: { page: number; pageSize: number; total: number } | undefined,
  onChange: (page: number, pageSize: number) => void,
  showTotal: (total: number) => string,
): TablePaginationConfig {
  return {
    current: data?.page ?? 1,
    pageSize: data?.pageSize ?? DEFAULT_PAGE_SIZE,
    total: data?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES,
    showTotal,
    onChange,
  };
}
