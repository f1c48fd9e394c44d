import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZChangePasswordRequest, ZLoginRequest, ZSession } from '../../../contracts/auth';
import { ZOk } from '../../../contracts/common';
import { actorOf, recordAudit } from '../../audit';
import { createSession, deleteSession, SESSION_COOKIE } from '../../auth/sessions';
import { requireSession } from '../access';
import { changePassword } from './change-password';
import { login } from './login';

export async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const secureCookie = (proto: string) =>
    app.env.COOKIE_SECURE === '1' || (app.env.COOKIE_SECURE === 'auto' && proto === 'https');

  r.post(
    '/api/auth/login',
    {
      config: {
        access: { roles: 'public', unitScope: 'none' },
        rateLimit: { max: app.env.LOGIN_RATE_LIMIT, timeWindow: '1 minute' },
      },
      schema: { tags: ['auth'], summary: 'Đăng nhập', body: ZLoginRequest, response: { 200: ZSession } },
    },
    async (req, reply) => {
      const user = await login(app.db, req.body, req.ip);
      const s = await createSession(app.db, user.id, app.env.SESSION_HOURS, {
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      reply.setCookie(SESSION_COOKIE, s.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookie(req.protocol),
        expires: s.expiresAt,
      });
      return { user, csrfToken: s.csrfToken };
    },
  );

  r.post(
    '/api/auth/logout',
    {
      config: { access: { roles: 'authenticated', unitScope: 'none' } },
      schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 200: ZOk } },
    },
    async (req, reply) => {
      const session = requireSession(req);
      await app.db.transaction(async (tx) => {
        await deleteSession(tx, session.sessionId);
        await recordAudit(tx, actorOf(req), { action: 'logout', entity: 'user', entityId: session.user.id });
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/auth/me',
    {
      config: { access: { roles: 'authenticated', unitScope: 'none' } },
      schema: { tags: ['auth'], summary: 'Phiên đăng nhập hiện tại', response: { 200: ZSession } },
    },
    async (req) => {
      const s = requireSession(req);
      return { user: s.user, csrfToken: s.csrfToken };
    },
  );

  r.post(
    '/api/auth/change-password',
    {
      config: {
        access: { roles: 'authenticated', unitScope: 'none' },
        rateLimit: { max: app.env.LOGIN_RATE_LIMIT, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu',
        body: ZChangePasswordRequest,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await changePassword(app.db, req, req.body);
      return { ok: true as const };
    },
  );
}
