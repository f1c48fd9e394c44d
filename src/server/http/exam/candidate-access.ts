import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../../core/shared/app-error';
import { EXAM_COOKIE, type LoadedCandidate, lookupCandidateLogin } from '../../exam/candidate-logins';

declare module 'fastify' {
  interface FastifyRequest {
    candidate: LoadedCandidate | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authenticates a candidate route from the exam cookie only: a staff session never opens the exam API
 * and an exam login never opens a staff route. Writes need the login's CSRF token and a same-origin
 * request, as staff writes do.
 */
export async function authenticateCandidate(
  app: FastifyInstance,
  req: FastifyRequest,
  checkOrigin: (req: FastifyRequest) => void,
): Promise<void> {
  const unsafe = !SAFE_METHODS.has(req.method);
  if (unsafe) checkOrigin(req);
  const token = req.cookies[EXAM_COOKIE];
  if (!token) throw new AppError('unauthenticated', 'Vui lòng đăng nhập bằng số báo danh');
  const found = await lookupCandidateLogin(app.db, token, app.clock(), { fresh: unsafe });
  if (found.state === 'revoked' && found.replaced) {
    throw new AppError(
      'login_elsewhere',
      'Bài thi đã được chuyển sang máy khác theo cho phép của giám thị; trang này không còn lưu bài',
    );
  }
  if (found.state !== 'active') {
    throw new AppError('unauthenticated', 'Phiên thi đã kết thúc, vui lòng đăng nhập lại');
  }
  if (unsafe && req.headers['x-csrf-token'] !== found.candidate.csrfToken) {
    throw new AppError('csrf_failed', 'Phiên làm bài không hợp lệ, vui lòng tải lại trang');
  }
  req.candidate = found.candidate;
}

/** The signed-in candidate of a `candidate_login` route. */
export function requireCandidate(req: FastifyRequest): LoadedCandidate {
  if (!req.candidate) throw new AppError('unauthenticated', 'Vui lòng đăng nhập bằng số báo danh');
  return req.candidate;
}
