import type { TQuestionFilters } from '../../../contracts/questions';
import { pickParam, useListSearchParams } from '../../ui/listParams';
import type { QuestionListParams } from './api';

const readFilters = (params: URLSearchParams): TQuestionFilters => ({
  q: params.get('q') || undefined,
  categoryId: params.get('categoryId') || undefined,
  type: pickParam(params.get('type'), ['single', 'multiple', 'true_false'] as const),
  difficulty: pickParam(params.get('difficulty'), ['easy', 'medium', 'hard'] as const),
  status: pickParam(params.get('status'), ['draft', 'approved'] as const),
  tag: params.get('tag') || undefined,
});

/** The bank's filters and page live in the URL, so going back to the list keeps the view. */
export function useQuestionSearchParams(): [
  QuestionListParams,
  (filters: TQuestionFilters, page?: number, pageSize?: number) => void,
] {
  return useListSearchParams(readFilters);
}
