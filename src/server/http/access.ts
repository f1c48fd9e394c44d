import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from '../../core/shared/app-error';
import { isUnitScoped, type Role } from '../../core/shared/roles';
import { type LoadedSession, loadSession, SESSION_COOKIE } from '../auth/sessions';
import { authenticateCandidate } from './exam/candidate-access';

/**
 * Who may call a route, declared in the route's own definition.
 * - roles: 'public' (no login), 'authenticated' (any signed-in user), a list of roles, or
 *   'candidate_login' (the exam page's own login, never a staff session).
 * - unitScope: 'none' (no unit data), 'own' (the handler filters to the caller's unit for unit-bound roles),
 *   or { param } (the path parameter names a unit: unit-bound roles may only name their own).
 */
export interface RouteAccess {
  roles: 'public' | 'authenticated' | 'candidate_login' | readonly Role[];
  unitScope: 'none' | 'own' | { param: string };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    session: LoadedSession | null;
  }
}

export interface PermissionRow {
  method: string;
  url: string;
  roles: string;
  unitScope: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function describeAccess(access: RouteAccess): { roles: string; unitScope: string } {
  const roles = typeof access.roles === 'string' ? access.roles : access.roles.join(',');
  const unitScope =
    typeof access.unitScope === 'string' ? access.unitScope : `param:${access.unitScope.param}`;
  return { roles, unitScope };
}

/** The caller's session, or an `unauthenticated` error. */
export function requireSession(req: FastifyRequest): LoadedSession {
  if (!req.session) throw new AppError('unauthenticated', 'Vui lòng đăng nhập');
  return req.session;
}

/** For unit-bound roles, the only unit they may see; null for roles that see every unit. */
export function scopedUnitId(req: FastifyRequest): string | null | undefined {
  const user = requireSession(req).user;
  return isUnitScoped(user.role) ? (user.unitId ?? '00000000-0000-0000-0000-000000000000') : undefined;
}

function checkOrigin(req: FastifyRequest): void {
  const origin = req.headers.origin;
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError('csrf_failed', 'Yêu cầu bị từ chối (nguồn gốc không hợp lệ)');
  }
  if (host !== req.headers.host) throw new AppError('csrf_failed', 'Yêu cầu bị từ chối (khác nguồn gốc)');
}

/**
 * Installs authentication, CSRF protection and the permission check. Every /api route must declare
 * `config.access`; registering one without it throws, so no route is ever open by accident.
 */
export function installAccessControl(app: FastifyInstance, table: PermissionRow[]): void {
  app.decorateRequest('session', null);
  app.decorateRequest('candidate', null);

  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api/')) return;
    const access = route.config?.access as RouteAccess | undefined;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      table.push({ method, url: route.url, ...describeAccess(access) });
    }
  });

  app.addHook('onRequest', async (req: FastifyRequest, _reply: FastifyReply) => {
    const access = req.routeOptions.config?.access as RouteAccess | undefined;
    if (!access) return;
    if (access.roles === 'candidate_login') return authenticateCandidate(app, req, checkOrigin);
    const token = req.cookies[SESSION_COOKIE];
    req.session = token ? await loadSession(app.db, token) : null;
    const unsafe = !SAFE_METHODS.has(req.method);
    if (unsafe) checkOrigin(req);
    if (access.roles === 'public') return;
    const session = requireSession(req);
    if (unsafe && req.headers['x-csrf-token'] !== session.csrfToken) {
      throw new AppError('csrf_failed', 'Phiên làm việc không hợp lệ, vui lòng tải lại trang');
    }
    const { role, unitId } = session.user;
    if (access.roles !== 'authenticated' && !access.roles.includes(role)) {
      throw new AppError('forbidden', 'Tài khoản của bạn không có quyền thực hiện thao tác này');
    }
    if (typeof access.unitScope === 'object' && isUnitScoped(role)) {
      const requested = (req.params as Record<string, string>)[access.unitScope.param];
      if (requested !== unitId)
        throw new AppError('forbidden_unit', 'Bạn chỉ được truy cập dữ liệu của đơn vị mình');
    }
  });
}
