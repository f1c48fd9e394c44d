import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParam } from '../../../contracts/common';
import {
  ZResetPasswordResult,
  ZUser,
  ZUserCreate,
  ZUserListQuery,
  ZUserPage,
  ZUserUpdate,
} from '../../../contracts/users';
import { actorOf } from '../../audit';
import { createUser, resetPassword, unlockUser, updateUser } from '../../users/save-user';
import { listUsers } from '../../users/users-repo';

const access = { roles: ['admin'], unitScope: 'none' } as const;

export async function userRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];

  r.get(
    '/api/users',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Danh sách tài khoản',
        querystring: ZUserListQuery,
        response: { 200: ZUserPage },
      },
    },
    (req) => listUsers(app.db, req.query),
  );
  r.post(
    '/api/users',
    {
      config: { access },
      schema: { tags, summary: 'Tạo tài khoản', body: ZUserCreate, response: { 200: ZUser } },
    },
    (req) => createUser(app.db, actorOf(req), req.body),
  );
  r.patch(
    '/api/users/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Sửa tài khoản',
        params: ZIdParam,
        body: ZUserUpdate,
        response: { 200: ZUser },
      },
    },
    (req) => updateUser(app.db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/users/:id/reset-password',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Đặt lại mật khẩu',
        params: ZIdParam,
        response: { 200: ZResetPasswordResult },
      },
    },
    async (req) => ({ temporaryPassword: await resetPassword(app.db, actorOf(req), req.params.id) }),
  );
  r.post(
    '/api/users/:id/unlock',
    {
      config: { access },
      schema: { tags, summary: 'Mở khóa tài khoản', params: ZIdParam, response: { 200: ZUser } },
    },
    (req) => unlockUser(app.db, actorOf(req), req.params.id),
  );
}
