import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZOk } from '../../../contracts/common';
import {
  ZContestCandidateParams,
  ZContestResultList,
  ZContestResultParams,
  ZContestResults,
  ZContestUnitParams,
  ZDashboard,
  ZOwnResult,
  ZPublication,
  ZPublishRequest,
  ZSlipsQuery,
  ZUnitResults,
  ZUnitSummaryList,
  ZWithdrawRequest,
} from '../../../contracts/contest-results';
import { AppError } from '../../../core/shared/app-error';
import type { Role } from '../../../core/shared/roles';
import { actorOf } from '../../audit';
import { contestDashboard } from '../../contest-results/dashboard';
import { listResultContests } from '../../contest-results/list-contests';
import { loadContestResults } from '../../contest-results/load-results';
import { ownResult } from '../../contest-results/own-result';
import { publishResults, withdrawResults } from '../../contest-results/publish-results';
import { resultSlipsPdf } from '../../contest-results/result-slip';
import { contestHead, contestResultsView, rankedRows } from '../../contest-results/results-view';
import { contestUnitSummaries, writeResultsWorkbook } from '../../contest-results/unit-summary-export';
import { XLSX_MIME } from '../../files/workbook';
import { requireCandidate } from '../exam/candidate-access';

/** Organisers and admins run results; viewers read them; a unit's reporter reads only their unit. */
export const RESULT_EDITORS: Role[] = ['admin', 'organiser'];
export const RESULT_READERS: Role[] = ['admin', 'organiser', 'viewer'];

const fileDate = (d: Date) => d.toISOString().slice(0, 10);

/** Results of a contest: rankings, unit summaries (Excel), result slips (PDF), dashboard, publication. */
export async function contestResultRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['contest-results'];
  const read = { access: { roles: RESULT_READERS, unitScope: 'none' as const } };
  const write = { access: { roles: RESULT_EDITORS, unitScope: 'none' as const } };
  const params = ZContestResultParams;

  r.get(
    '/api/contest-results/contests',
    {
      config: read,
      schema: { tags, summary: 'Các kỳ thi có kết quả', response: { 200: ZContestResultList } },
    },
    () => listResultContests(app.db),
  );

  r.get(
    '/api/contest-results/:contestId',
    {
      config: read,
      schema: { tags, summary: 'Kết quả và xếp hạng của kỳ thi', params, response: { 200: ZContestResults } },
    },
    (req) => contestResultsView(app.db, req.params.contestId),
  );

  r.get(
    '/api/contest-results/:contestId/units',
    {
      config: read,
      schema: { tags, summary: 'Tổng hợp kết quả theo đơn vị', params, response: { 200: ZUnitSummaryList } },
    },
    async (req) => ({ items: contestUnitSummaries(await loadContestResults(app.db, req.params.contestId)) }),
  );

  r.get(
    '/api/contest-results/:contestId/units/:unitId',
    {
      config: { access: { roles: [...RESULT_READERS, 'reporter'], unitScope: { param: 'unitId' } } },
      schema: {
        tags,
        summary: 'Kết quả của một đơn vị (cán bộ đầu mối chỉ xem đơn vị mình)',
        params: ZContestUnitParams,
        response: { 200: ZUnitResults },
      },
    },
    async (req) => {
      // Ranks are computed on the whole contest, then the unit's rows are kept.
      const results = await loadContestResults(app.db, req.params.contestId);
      const summary = contestUnitSummaries(results).find((u) => u.unitId === req.params.unitId) ?? null;
      return {
        contest: contestHead(results),
        summary,
        rows: rankedRows(results.candidates).filter((row) => row.unitId === req.params.unitId),
      };
    },
  );

  r.get(
    '/api/contest-results/:contestId/export',
    { config: read, schema: { tags, summary: 'Xuất tổng hợp kết quả theo đơn vị ra Excel', params } },
    async (req, reply) => {
      const results = await loadContestResults(app.db, req.params.contestId);
      const out = new PassThrough();
      writeResultsWorkbook(out, results, app.clock()).catch((e) => out.destroy(e));
      return reply
        .header('content-type', XLSX_MIME)
        .header(
          'content-disposition',
          `attachment; filename="ket-qua-hoi-thi-${results.contest.year}-${fileDate(app.clock())}.xlsx"`,
        )
        .send(out);
    },
  );

  r.get(
    '/api/contest-results/:contestId/candidates/:candidateId/slip',
    {
      config: read,
      schema: { tags, summary: 'Phiếu báo kết quả của một thí sinh (PDF)', params: ZContestCandidateParams },
    },
    async (req, reply) => {
      const results = await loadContestResults(app.db, req.params.contestId);
      const me = results.candidates.find((c) => c.candidateId === req.params.candidateId);
      if (!me) throw new AppError('candidate_not_found', 'Không tìm thấy thí sinh trong kỳ thi này');
      const pdf = await resultSlipsPdf(results, app.clock(), [me.candidateId]);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="phieu-bao-ket-qua-${me.number}.pdf"`)
        .send(pdf);
    },
  );

  r.get(
    '/api/contest-results/:contestId/slips',
    {
      config: read,
      schema: {
        tags,
        summary: 'Phiếu báo kết quả theo đơn vị hoặc ca thi (PDF)',
        params,
        querystring: ZSlipsQuery,
      },
    },
    async (req, reply) => {
      const results = await loadContestResults(app.db, req.params.contestId);
      const { unitId, sessionId } = req.query;
      const ids = results.candidates
        .filter((c) => (!unitId || c.unitId === unitId) && (!sessionId || c.sessionId === sessionId))
        .map((c) => c.candidateId);
      const pdf = await resultSlipsPdf(results, app.clock(), ids);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="phieu-bao-ket-qua-${results.contest.year}.pdf"`)
        .send(pdf);
    },
  );

  r.get(
    '/api/contest-results/:contestId/dashboard',
    {
      config: read,
      schema: { tags, summary: 'Thống kê kết quả kỳ thi', params, response: { 200: ZDashboard } },
    },
    (req) => contestDashboard(app.db, req.params.contestId),
  );

  r.post(
    '/api/contest-results/:contestId/publish',
    {
      config: write,
      schema: {
        tags,
        summary: 'Công bố kết quả cho thí sinh',
        params,
        body: ZPublishRequest,
        response: { 200: ZPublication },
      },
    },
    (req) => publishResults(app.db, actorOf(req), req.params.contestId, req.body.showAnswers, app.clock()),
  );

  r.post(
    '/api/contest-results/:contestId/withdraw',
    {
      config: write,
      schema: {
        tags,
        summary: 'Thu hồi công bố kết quả',
        params,
        body: ZWithdrawRequest,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await withdrawResults(app.db, actorOf(req), req.params.contestId, req.body.reason);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/exam/result',
    {
      config: { access: { roles: 'candidate_login', unitScope: 'none' } },
      schema: {
        tags: ['exam'],
        summary: 'Kết quả của chính thí sinh (sau khi công bố)',
        response: { 200: ZOwnResult },
      },
    },
    async (req, reply) => {
      const me = requireCandidate(req);
      reply.header('cache-control', 'no-store');
      return ownResult(app.db, me.contestId, me.candidateId);
    },
  );
}
