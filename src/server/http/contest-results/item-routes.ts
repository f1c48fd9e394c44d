import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZContestResultParams } from '../../../contracts/contest-results';
import { ZItemAnalysis } from '../../../contracts/contest-results-items';
import { computeItemAnalysis } from '../../contest-results/item-analysis';
import { itemAnalysisView } from '../../contest-results/item-analysis-view';
import { RESULT_EDITORS, RESULT_READERS } from './routes';

/** Item analysis of a contest's theory part: read (computed once the contest is closed) and recompute. */
export async function itemAnalysisRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['contest-results'];
  const params = ZContestResultParams;

  r.get(
    '/api/contest-results/:contestId/items',
    {
      config: { access: { roles: RESULT_READERS, unitScope: 'none' } },
      schema: { tags, summary: 'Phân tích câu hỏi phần lý thuyết', params, response: { 200: ZItemAnalysis } },
    },
    (req) => itemAnalysisView(app.db, req.params.contestId, app.clock()),
  );

  r.post(
    '/api/contest-results/:contestId/items/compute',
    {
      config: { access: { roles: RESULT_EDITORS, unitScope: 'none' } },
      schema: {
        tags,
        summary: 'Tính lại thống kê câu hỏi (khi kỳ thi đã đóng hoặc mọi bài thi đã nộp)',
        params,
        response: { 200: ZItemAnalysis },
      },
    },
    async (req) => {
      await computeItemAnalysis(app.db, req.params.contestId, app.clock());
      return itemAnalysisView(app.db, req.params.contestId, app.clock());
    },
  );
}
