import { z } from 'zod';
import { ZRole } from './auth';
import { ZPage, ZPageQuery } from './common';

const ZUsername = z
  .string()
  .trim()
  .regex(/^[a-z0-9._-]{3,64}$/, 'Tên đăng nhập gồm 3–64 ký tự thường, số, dấu chấm, gạch ngang, gạch dưới');

export const ZUser = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  role: ZRole,
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZUserCreate = z.object({
  username: ZUsername,
  fullName: z.string().trim().min(2, 'Nhập họ tên').max(120),
  email: z.email('Email không hợp lệ').nullable().default(null),
  role: ZRole,
  unitId: z.uuid().nullable().default(null),
  password: z.string().min(10, 'Mật khẩu phải có ít nhất 10 ký tự').max(256),
});
export type TUserCreate = z.infer<typeof ZUserCreate>;

export const ZUserUpdate = z.object({
  fullName: z.string().trim().min(2).max(120).optional(),
  email: z.email('Email không hợp lệ').nullable().optional(),
  role: ZRole.optional(),
  unitId: z.uuid().nullable().optional(),
  disabled: z.boolean().optional(),
});
export type TUserUpdate = z.infer<typeof ZUserUpdate>;

export const ZResetPasswordResult = z.object({ temporaryPassword: z.string() });

export const ZUserListQuery = ZPageQuery.extend({
  q: z.string().trim().max(100).optional(),
  role: ZRole.optional(),
});
export const ZUserPage = ZPage(ZUser);
