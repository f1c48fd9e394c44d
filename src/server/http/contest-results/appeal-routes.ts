import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZAppeal,
  ZAppealCandidateList,
  ZAppealCandidateQuery,
  ZAppealContestList,
  ZAppealDecisionRequest,
  ZAppealFileParams,
  ZAppealFileRequest,
  ZAppealListQuery,
  ZAppealPage,
  ZAppealParams,
  ZContestAppealParams,
} from '../../../contracts/contest-results-appeals';
import { ZAppealDecisionResult, ZAppealDetail } from '../../../contracts/contest-results-appeals-detail';
import type { Role } from '../../../core/shared/roles';
import { actorOf } from '../../audit';
import { appealDetail } from '../../contest-results/appeals/appeal-detail';
import { appealCandidates, appealContests } from '../../contest-results/appeals/appeal-targets';
import { decideAppeal } from '../../contest-results/appeals/decide-appeal';
import { fileAppeal } from '../../contest-results/appeals/file-appeal';
import { listAppeals } from '../../contest-results/appeals/list-appeals';
import { readAppealFile } from '../../contest-results/appeals/read-appeal-file';
import { requireSession, scopedUnitId } from '../access';
import { contentDisposition } from '../practice/content-disposition';
import { examAppealRoutes } from './exam-appeal-routes';

/** Organisers decide; a unit's reporter files for and follows their own unit's candidates. */
const DECIDERS: Role[] = ['admin', 'organiser'];
const FILERS: Role[] = ['admin', 'organiser', 'reporter'];

/** Appeals (phúc khảo): filing by a unit or the organiser, the organiser's review and decision. */
export async function appealRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['contest-results'];
  const decide = { access: { roles: DECIDERS, unitScope: 'none' as const } };
  const unitOwn = { access: { roles: FILERS, unitScope: 'own' as const } };
  await app.register(examAppealRoutes);
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
  });

  r.get(
    '/api/contest-results/appeal-contests',
    {
      config: { access: { roles: FILERS, unitScope: 'none' } },
      schema: {
        tags,
        summary: 'Kỳ thi đã công bố kết quả (nhận phúc khảo)',
        response: { 200: ZAppealContestList },
      },
    },
    async () => appealContests(app.db),
  );

  r.get(
    '/api/contest-results/:contestId/appeals',
    {
      config: unitOwn,
      schema: {
        tags,
        summary: 'Đơn phúc khảo của kỳ thi (lọc trạng thái, đơn vị, tìm không dấu)',
        params: ZContestAppealParams,
        querystring: ZAppealListQuery,
        response: { 200: ZAppealPage },
      },
    },
    async (req) => listAppeals(app.db, req.params.contestId, req.query, scopedUnitId(req)),
  );

  r.get(
    '/api/contest-results/:contestId/appeal-candidates',
    {
      config: unitOwn,
      schema: {
        tags,
        summary: 'Thí sinh có thể nộp đơn phúc khảo thay',
        params: ZContestAppealParams,
        querystring: ZAppealCandidateQuery,
        response: { 200: ZAppealCandidateList },
      },
    },
    async (req) => appealCandidates(app.db, req.params.contestId, req.query.q, scopedUnitId(req)),
  );

  r.post(
    '/api/contest-results/:contestId/appeals',
    {
      config: unitOwn,
      schema: {
        tags,
        summary: 'Đơn vị (hoặc ban tổ chức thay đơn vị) nộp đơn phúc khảo cho thí sinh',
        params: ZContestAppealParams,
        body: ZAppealFileRequest,
        response: { 200: ZAppeal },
      },
    },
    async (req) =>
      fileAppeal(app.db, {
        contestId: req.params.contestId,
        candidateId: req.body.candidateId,
        section: req.body.section,
        text: req.body.text,
        filer: { kind: 'unit', userId: requireSession(req).user.id, ownUnitId: scopedUnitId(req) },
        actor: actorOf(req),
        now: app.clock(),
      }),
  );

  r.get(
    '/api/contest-results/appeals/:appealId',
    {
      config: decide,
      schema: {
        tags,
        summary: 'Hồ sơ phúc khảo: kết quả, nhật ký làm bài, bài lý thuyết, trạng thái phần thực hành',
        params: ZAppealParams,
        response: { 200: ZAppealDetail },
      },
    },
    async (req) => appealDetail(app.db, req.params.appealId),
  );

  r.post(
    '/api/contest-results/appeals/:appealId/decision',
    {
      config: decide,
      schema: {
        tags,
        summary: 'Giải quyết đơn phúc khảo (bác hoặc chấp nhận, có thể điều chỉnh điểm)',
        params: ZAppealParams,
        body: ZAppealDecisionRequest,
        response: { 200: ZAppealDecisionResult },
      },
    },
    async (req) =>
      decideAppeal(app.db, {
        appealId: req.params.appealId,
        request: req.body,
        actor: actorOf(req),
        now: app.clock(),
      }),
  );

  r.get(
    '/api/contest-results/appeals/:appealId/files/:fileId',
    {
      config: decide,
      schema: { tags, summary: 'Tệp lưu của phần thực hành (mọi phiên bản)', params: ZAppealFileParams },
    },
    async (req, reply) => {
      const file = await readAppealFile(app.db, req.params.appealId, req.params.fileId);
      const pdf = file.mime === 'application/pdf';
      return reply
        .header('content-type', file.mime)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', contentDisposition(pdf ? 'inline' : 'attachment', file.filename))
        .send(file.data);
    },
  );
}
