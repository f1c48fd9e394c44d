import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParam, ZOk } from '../../../contracts/common';
import {
  ZAssignRequest,
  ZContestSessionParams,
  ZCountResult,
  ZExamSession,
  ZExamSessionInput,
  ZExamSessionList,
} from '../../../contracts/contests';
import { actorOf } from '../../audit';
import { assignCandidates } from '../../contests/assign-candidates';
import { getContest } from '../../contests/contests-repo';
import { createSession, deleteSession, updateSession } from '../../contests/save-session';
import { listSessions } from '../../contests/sessions-repo';
import { CONTEST_EDITORS, CONTEST_READERS } from './access';

export async function sessionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['contests'];
  const read = { access: { roles: CONTEST_READERS, unitScope: 'none' as const } };
  const write = { access: { roles: CONTEST_EDITORS, unitScope: 'none' as const } };

  r.get(
    '/api/contests/:id/sessions',
    {
      config: read,
      schema: {
        tags,
        summary: 'Các ca thi của kỳ thi',
        params: ZIdParam,
        response: { 200: ZExamSessionList },
      },
    },
    async (req) => {
      await getContest(app.db, req.params.id);
      return { items: await listSessions(app.db, req.params.id) };
    },
  );

  r.post(
    '/api/contests/:id/sessions',
    {
      config: write,
      schema: {
        tags,
        summary: 'Thêm ca thi',
        params: ZIdParam,
        body: ZExamSessionInput,
        response: { 200: ZExamSession },
      },
    },
    (req) => createSession(app.db, actorOf(req), req.params.id, req.body),
  );

  r.patch(
    '/api/contests/:id/sessions/:sessionId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Sửa ca thi',
        params: ZContestSessionParams,
        body: ZExamSessionInput,
        response: { 200: ZExamSession },
      },
    },
    (req) => updateSession(app.db, actorOf(req), req.params.id, req.params.sessionId, req.body),
  );

  r.delete(
    '/api/contests/:id/sessions/:sessionId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Xóa ca thi (chưa có thí sinh)',
        params: ZContestSessionParams,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await deleteSession(app.db, actorOf(req), req.params.id, req.params.sessionId);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/contests/:id/assign-session',
    {
      config: write,
      schema: {
        tags,
        summary: 'Xếp thí sinh vào ca thi (hàng loạt)',
        params: ZIdParam,
        body: ZAssignRequest,
        response: { 200: ZCountResult },
      },
    },
    async (req) => ({
      count: await assignCandidates(
        app.db,
        actorOf(req),
        req.params.id,
        req.body.candidateIds,
        req.body.sessionId,
      ),
    }),
  );
}
