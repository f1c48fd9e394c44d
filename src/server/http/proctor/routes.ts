import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZPageQuery } from '../../../contracts/common';
import {
  ZAttemptEventList,
  ZContestParams,
  ZProctorActionResult,
  ZProctorExtendRequest,
  ZProctorForceSubmitRequest,
  ZProctorLive,
  ZProctorReason,
  ZProctorSessionList,
  ZSessionCandidateParams,
  ZSessionParams,
} from '../../../contracts/proctor';
import { actorOf } from '../../audit';
import { allowRelogin } from '../../exam/allow-relogin';
import { originOf } from '../../exam/events';
import { extendTime } from '../../exam/extend-time';
import { forceSubmit } from '../../exam/force-submit';
import { pauseSession } from '../../exam/pause-session';
import { prepareSession } from '../../exam/prepare-session';
import {
  CONNECTED_WINDOW_SECONDS,
  candidateEvents,
  listContestSessions,
  liveCandidates,
  sessionSummary,
} from '../../exam/proctor-views';
import { resumeSession } from '../../exam/resume-session';
import { startSession } from '../../exam/start-session';

const PROCTORS = { roles: ['proctor', 'organiser', 'admin'], unitScope: 'none' } as const;

/** The proctor's console API: run a sitting, watch it live, and act on a candidate's behalf. */
export async function proctorRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
  });
  const ok = (affected: number) => ({ ok: true as const, affected });

  r.get(
    '/api/proctor/contests/:contestId/sessions',
    {
      config: { access: PROCTORS },
      schema: {
        tags: ['proctor'],
        summary: 'Các ca thi của cuộc thi',
        params: ZContestParams,
        response: { 200: ZProctorSessionList },
      },
    },
    async (req) => ({ items: await listContestSessions(app.db, req.params.contestId) }),
  );

  r.get(
    '/api/proctor/sessions/:sessionId',
    {
      config: { access: PROCTORS },
      schema: {
        tags: ['proctor'],
        summary: 'Theo dõi trực tiếp ca thi',
        params: ZSessionParams,
        response: { 200: ZProctorLive },
      },
    },
    async (req) => {
      const now = app.clock();
      const session = await sessionSummary(app.db, req.params.sessionId);
      return {
        session,
        serverNow: now.getTime(),
        connectedWindowSeconds: CONNECTED_WINDOW_SECONDS,
        candidates: await liveCandidates(app.db, session, now),
      };
    },
  );

  r.get(
    '/api/proctor/sessions/:sessionId/candidates/:candidateId/events',
    {
      config: { access: PROCTORS },
      schema: {
        tags: ['proctor'],
        summary: 'Nhật ký làm bài của thí sinh',
        params: ZSessionCandidateParams,
        querystring: ZPageQuery,
        response: { 200: ZAttemptEventList },
      },
    },
    async (req) =>
      candidateEvents(app.db, req.params.sessionId, req.params.candidateId, {
        limit: req.query.pageSize,
        offset: (req.query.page - 1) * req.query.pageSize,
      }),
  );

  const action = (path: string, summary: string) => ({
    path: `/api/proctor/sessions/:sessionId/${path}`,
    summary,
  });

  const prepare = action('prepare', 'Chuẩn bị đề cho mọi thí sinh của ca thi');
  r.post(
    prepare.path,
    {
      config: { access: PROCTORS },
      schema: {
        tags: ['proctor'],
        summary: prepare.summary,
        params: ZSessionParams,
        response: { 200: ZProctorActionResult },
      },
    },
    async (req) =>
      ok((await prepareSession(app.db, req.params.sessionId, app.clock(), actorOf(req))).created),
  );

  const start = action('start', 'Bắt đầu ca thi');
  r.post(
    start.path,
    {
      config: { access: PROCTORS },
      schema: {
        tags: ['proctor'],
        summary: start.summary,
        params: ZSessionParams,
        response: { 200: ZProctorActionResult },
      },
    },
    async (req) =>
      ok(
        (await startSession(app.db, req.params.sessionId, app.clock(), actorOf(req), originOf(req))).started,
      ),
  );

  const pause = action('pause', 'Tạm dừng ca thi');
  r.post(
    pause.path,
    {
      config: { access: PROCTORS },
      schema: {
        tags: ['proctor'],
        summary: pause.summary,
        params: ZSessionParams,
        body: ZProctorReason,
        response: { 200: ZProctorActionResult },
      },
    },
    async (req) => {
      await pauseSession(
        app.db,
        req.params.sessionId,
        app.clock(),
        actorOf(req),
        originOf(req),
        req.body.reason ?? null,
      );
      return ok(1);
    },
  );

  const resume = action('resume', 'Tiếp tục ca thi (thời hạn lùi theo thời gian tạm dừng)');
  r.post(
    resume.path,
    {
      config: { access: PROCTORS },
      schema: {
        tags: ['proctor'],
        summary: resume.summary,
        params: ZSessionParams,
        response: { 200: ZProctorActionResult },
      },
    },
    async (req) => {
      await resumeSession(app.db, req.params.sessionId, app.clock(), actorOf(req), originOf(req));
      return ok(1);
    },
  );

  const extend = action('extend', 'Cộng thêm giờ cho một thí sinh hoặc cả ca');
  r.post(
    extend.path,
    {
      config: { access: PROCTORS },
      schema: {
        tags: ['proctor'],
        summary: extend.summary,
        params: ZSessionParams,
        body: ZProctorExtendRequest,
        response: { 200: ZProctorActionResult },
      },
    },
    async (req) =>
      ok(
        (await extendTime(app.db, req.params.sessionId, req.body, app.clock(), actorOf(req), originOf(req)))
          .affected,
      ),
  );

  const submit = action('force-submit', 'Thu bài một thí sinh hoặc cả ca');
  r.post(
    submit.path,
    {
      config: { access: PROCTORS },
      schema: {
        tags: ['proctor'],
        summary: submit.summary,
        params: ZSessionParams,
        body: ZProctorForceSubmitRequest,
        response: { 200: ZProctorActionResult },
      },
    },
    async (req) =>
      ok(
        (await forceSubmit(app.db, req.params.sessionId, req.body, app.clock(), actorOf(req), originOf(req)))
          .affected,
      ),
  );

  r.post(
    '/api/proctor/sessions/:sessionId/candidates/:candidateId/allow-relogin',
    {
      config: { access: PROCTORS },
      schema: {
        tags: ['proctor'],
        summary: 'Cho phép thí sinh đăng nhập lại trên máy khác',
        params: ZSessionCandidateParams,
        body: ZProctorReason,
        response: { 200: ZProctorActionResult },
      },
    },
    async (req) => {
      await allowRelogin(
        app.db,
        req.params.sessionId,
        req.params.candidateId,
        app.clock(),
        actorOf(req),
        originOf(req),
        req.body.reason ?? null,
      );
      return ok(1);
    },
  );
}
