import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZOk } from '../../../contracts/common';
import {
  type TExamMe,
  ZExamLoginRequest,
  ZExamMe,
  ZExamSaveRequest,
  ZExamSaveResponse,
  ZExamState,
  ZExamStatus,
  ZExamSubmitRequest,
  ZExamSubmitResponse,
  ZExamTime,
} from '../../../contracts/exam';
import { AppError } from '../../../core/shared/app-error';
import { EXAM_COOKIE, EXAM_COOKIE_PATH } from '../../exam/candidate-logins';
import { type CandidateView, loadCandidateView } from '../../exam/candidate-view';
import { originOf } from '../../exam/events';
import { loginCandidate } from '../../exam/login-candidate';
import { logoutCandidate } from '../../exam/logout-candidate';
import { paperQuestions } from '../../exam/paper-content';
import { saveAnswers } from '../../exam/save-answers';
import { submitAttempt } from '../../exam/submit-attempt';
import { statusView } from '../../exam/waiting-room';
import { requireCandidate } from './candidate-access';

const CANDIDATE = { roles: 'candidate_login', unitScope: 'none' } as const;

function meOf(view: CandidateView, csrfToken: string): TExamMe {
  return {
    candidate: view.candidate,
    contest: { id: view.contest.id, name: view.contest.name, durationMinutes: view.contest.durationMinutes },
    session: view.session
      ? {
          id: view.session.id,
          name: view.session.name,
          room: view.session.room,
          scheduledAt: view.session.scheduledAt.toISOString(),
        }
      : null,
    csrfToken,
  };
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The candidate's exam API: login, waiting room, paper, saves and submission. */
export async function examRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const secureCookie = (proto: string) =>
    app.env.COOKIE_SECURE === '1' || (app.env.COOKIE_SECURE === 'auto' && proto === 'https');
  // Answers and clocks must never come from a cache.
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
  });

  r.post(
    '/api/exam/login',
    {
      config: {
        access: { roles: 'public', unitScope: 'none' },
        // An exam hall shares one address: limit per address and số báo danh, after the body is read.
        rateLimit: {
          max: app.env.LOGIN_RATE_LIMIT,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: (req: FastifyRequest) =>
            `${req.ip}|${String((req.body as { number?: unknown } | undefined)?.number ?? '')}`,
        },
      },
      schema: {
        tags: ['exam'],
        summary: 'Thí sinh đăng nhập bằng số báo danh',
        body: ZExamLoginRequest,
        response: { 200: ZExamMe },
      },
    },
    async (req, reply) => {
      const now = app.clock();
      const login = await loginCandidate(app.db, req.body, now, originOf(req), req.cookies[EXAM_COOKIE]);
      reply.setCookie(EXAM_COOKIE, login.token, {
        path: EXAM_COOKIE_PATH,
        httpOnly: true,
        sameSite: 'strict',
        secure: secureCookie(req.protocol),
        expires: login.expiresAt,
      });
      const view = await loadCandidateView(app.db, login.candidateId, now, false);
      return meOf(view, login.csrfToken);
    },
  );

  r.post(
    '/api/exam/logout',
    {
      config: { access: CANDIDATE },
      schema: { tags: ['exam'], summary: 'Thí sinh đăng xuất (ngoài giờ làm bài)', response: { 200: ZOk } },
    },
    async (req, reply) => {
      const me = requireCandidate(req);
      await logoutCandidate(app.db, me.candidateId, me.loginId, app.clock(), originOf(req));
      reply.clearCookie(EXAM_COOKIE, { path: EXAM_COOKIE_PATH });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/exam/me',
    {
      config: { access: CANDIDATE },
      schema: { tags: ['exam'], summary: 'Thí sinh đang đăng nhập', response: { 200: ZExamMe } },
    },
    async (req) => {
      const me = requireCandidate(req);
      return meOf(await loadCandidateView(app.db, me.candidateId, app.clock(), false), me.csrfToken);
    },
  );

  r.get(
    '/api/exam/time',
    {
      config: { access: { roles: 'public', unitScope: 'none' } },
      schema: { tags: ['exam'], summary: 'Giờ máy chủ (đo độ lệch đồng hồ)', response: { 200: ZExamTime } },
    },
    async () => ({ serverNow: app.clock().getTime() }),
  );

  r.get(
    '/api/exam/status',
    {
      config: { access: CANDIDATE },
      schema: { tags: ['exam'], summary: 'Trạng thái ca thi (phòng chờ)', response: { 200: ZExamStatus } },
    },
    async (req) => {
      const now = app.clock();
      const view = await statusView(app.db, requireCandidate(req).candidateId, now);
      return {
        phase: view.phase,
        serverNow: now.getTime(),
        scheduledAt: iso(view.session?.scheduledAt),
        startedAt: view.phase === 'waiting' ? null : iso(view.session?.startedAt),
        deadlineAt: iso(view.deadlineAt),
        remainingSeconds: view.remainingSeconds,
        lastSeq: view.attempt?.lastSeq ?? 0,
      };
    },
  );

  r.get(
    '/api/exam/state',
    {
      config: { access: CANDIDATE },
      schema: { tags: ['exam'], summary: 'Đề thi và bài làm hiện tại', response: { 200: ZExamState } },
    },
    async (req) => {
      const now = app.clock();
      const view = await loadCandidateView(app.db, requireCandidate(req).candidateId, now, true);
      const attempt = view.attempt;
      // The paper is shown only from the start: never while the room waits (Artemis #13071).
      if (!attempt || view.phase === 'waiting' || view.phase === 'no_session') {
        throw new AppError('exam_not_started', 'Ca thi chưa bắt đầu');
      }
      return {
        attemptId: attempt.id,
        phase: view.phase,
        questions: await paperQuestions(app.db, attempt.paper ?? []),
        answers: attempt.answers ?? {},
        flagged: attempt.flagged ?? [],
        lastSeq: attempt.lastSeq,
        serverNow: now.getTime(),
        startedAt: iso(attempt.startedAt),
        deadlineAt: iso(view.deadlineAt),
        remainingSeconds: view.remainingSeconds,
        graceSeconds: view.contest.graceSeconds,
        finalisedAt: iso(attempt.finalisedAt),
        finalisedBy: attempt.finalisedBy,
      };
    },
  );

  r.post(
    '/api/exam/save',
    {
      config: { access: CANDIDATE },
      schema: {
        tags: ['exam'],
        summary: 'Lưu bài làm (toàn bộ trạng thái, theo số thứ tự)',
        body: ZExamSaveRequest,
        response: { 200: ZExamSaveResponse },
      },
    },
    async (req) =>
      saveAnswers(app.db, requireCandidate(req).candidateId, req.body, app.clock(), originOf(req)),
  );

  r.post(
    '/api/exam/submit',
    {
      config: { access: CANDIDATE },
      schema: {
        tags: ['exam'],
        summary: 'Nộp bài',
        body: ZExamSubmitRequest,
        response: { 200: ZExamSubmitResponse },
      },
    },
    async (req) =>
      submitAttempt(app.db, requireCandidate(req).candidateId, req.body, app.clock(), originOf(req)),
  );
}
