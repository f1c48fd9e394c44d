import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZContestResultParams } from '../../../contracts/contest-results';
import {
  ZContestQuestionList,
  ZRegradeHistory,
  ZRegradeOutcome,
  ZRegradeRequest,
} from '../../../contracts/contest-results-items';
import { actorOf } from '../../audit';
import { computeItemAnalysis, itemAnalysisBlock } from '../../contest-results/item-analysis';
import { regradeQuestion } from '../../contest-results/regrade';
import { regradeHistory } from '../../contest-results/regrade-history';
import { contestQuestions } from '../../contest-results/regrade-questions';
import { RESULT_EDITORS } from './routes';

/** Regrading: the contest's questions, a correction (dry run or for real), the history with its diffs. */
export async function regradeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['contest-results'];
  const params = ZContestResultParams;
  const config = { access: { roles: RESULT_EDITORS, unitScope: 'none' as const } };

  r.get(
    '/api/contest-results/:contestId/questions',
    {
      config,
      schema: {
        tags,
        summary: 'Câu hỏi của kỳ thi với đáp án đang dùng',
        params,
        response: { 200: ZContestQuestionList },
      },
    },
    async (req) => ({ items: await contestQuestions(app.db, req.params.contestId) }),
  );

  r.post(
    '/api/contest-results/:contestId/regrade',
    {
      config,
      schema: {
        tags,
        summary: 'Sửa đáp án hoặc loại câu hỏi và chấm lại (dryRun: xem trước, không ghi)',
        params,
        body: ZRegradeRequest,
        response: { 200: ZRegradeOutcome },
      },
    },
    async (req) => {
      const { contestId } = req.params;
      const out = await regradeQuestion(app.db, { contestId, ...req.body, actor: actorOf(req) });
      // Statistics follow the corrected keys; they are refreshed when they may be computed.
      if (!out.dryRun && !(await itemAnalysisBlock(app.db, contestId))) {
        await computeItemAnalysis(app.db, contestId, app.clock()).catch((e) => req.log.warn(e));
      }
      return out;
    },
  );

  r.get(
    '/api/contest-results/:contestId/regrades',
    {
      config,
      schema: {
        tags,
        summary: 'Lịch sử chấm lại và chênh lệch điểm',
        params,
        response: { 200: ZRegradeHistory },
      },
    },
    (req) => regradeHistory(app.db, req.params.contestId),
  );
}
