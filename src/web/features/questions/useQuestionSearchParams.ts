import { useSearchParams } from 'react-router';
import type { TQuestionFilters } from '../../../contracts/questions';
import type { QuestionListParams } from './api';

const PAGE_SIZES = [10, 20, 50, 100];

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

/** The bank's filters and page live in the URL, so going back to the list keeps the view. */
export function useQuestionSearchParams(): [
  QuestionListParams,
  (filters: TQuestionFilters, page?: number, pageSize?: number) => void,
] {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = PAGE_SIZES.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 20;
  const current: QuestionListParams = {
    q: params.get('q') || undefined,
    categoryId: params.get('categoryId') || undefined,
    type: pick(params.get('type'), ['single', 'multiple', 'true_false'] as const),
    difficulty: pick(params.get('difficulty'), ['easy', 'medium', 'hard'] as const),
    status: pick(params.get('status'), ['draft', 'approved'] as const),
    tag: params.get('tag') || undefined,
    page,
    pageSize,
  };
  const update = (filters: TQuestionFilters, nextPage = 1, nextSize = pageSize) => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) {
      if (value !== undefined && value !== null && value !== '') next.set(key, String(value));
    }
    if (nextPage > 1) next.set('page', String(nextPage));
    if (nextSize !== 20) next.set('pageSize', String(nextSize));
    setParams(next, { replace: true });
  };
  return [current, update];
}
