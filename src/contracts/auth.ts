import { z } from 'zod';
import { ROLES } from '../core/shared/roles';

export const ZRole = z.enum(ROLES);

export const ZLoginRequest = z.object({
  username: z.string().trim().min(1, 'Nhập tên đăng nhập').max(64),
  password: z.string().min(1, 'Nhập mật khẩu').max(256),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZSessionUser = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  role: ZRole,
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  mustChangePassword: z.boolean(),
});
export type TSessionUser = z.infer<typeof ZSessionUser>;

export const ZSession = z.object({ user: ZSessionUser, csrfToken: z.string() });
export type TSession = z.infer<typeof ZSession>;

export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1, 'Nhập mật khẩu hiện tại'),
  newPassword: z.string().min(10, 'Mật khẩu mới phải có ít nhất 10 ký tự').max(256),
});
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;
