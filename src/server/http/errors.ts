import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode } from '../../core/shared/app-error';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  import_invalid: 422,
  unsupported_file_type: 415,
  file_too_large: 413,
  unauthenticated: 401,
  invalid_credentials: 401,
  wrong_password: 400,
  password_too_weak: 400,
  forbidden: 403,
  forbidden_unit: 403,
  csrf_failed: 403,
  account_locked: 423,
  account_disabled: 403,
  not_found: 404,
  unit_not_found: 404,
  user_not_found: 404,
  conflict: 409,
  unit_code_taken: 409,
  username_taken: 409,
  unit_retired: 409,
  rate_limited: 429,
  framework_not_found: 404,
  framework_locked: 409,
  framework_invalid: 422,
  question_not_found: 404,
  question_in_use: 409,
  question_category_not_found: 404,
  question_category_in_use: 409,
  question_category_name_taken: 409,
  contest_not_found: 404,
  contest_locked: 409,
  exam_session_not_found: 404,
  candidate_not_found: 404,
  attempt_not_found: 404,
  attempt_closed: 409,
  exam_not_started: 409,
  exam_paused: 409,
  login_elsewhere: 409,
  window_closed: 409,
  cycle_not_found: 404,
  cycle_incomplete: 422,
  cycle_state: 409,
  evidence_not_found: 404,
  internal_error: 500,
};

/** Maps every error to `{ code, message, details? }` with a stable code. */
export function installErrorHandler(app: FastifyInstance, webDist: string): void {
  app.setErrorHandler((error: FastifyError | AppError, req, reply) => {
    if (error instanceof AppError) {
      return reply
        .status(STATUS[error.code])
        .send({ code: error.code, message: error.message, details: error.details });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: v.message,
      }));
      return reply
        .status(400)
        .send({ code: 'validation_failed', message: 'Dữ liệu gửi lên không hợp lệ', details });
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return reply
        .status(429)
        .send({ code: 'rate_limited', message: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút' });
    }
    if (status === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE') {
      return reply.status(413).send({ code: 'file_too_large', message: 'Dữ liệu gửi lên quá lớn' });
    }
    if (status === 403)
      return reply.status(403).send({ code: 'forbidden', message: 'Không có quyền truy cập' });
    if (status === 404) return reply.status(404).send({ code: 'not_found', message: 'Không tìm thấy' });
    if (status >= 400 && status < 500) {
      return reply
        .status(status)
        .send({ code: 'validation_failed', message: 'Yêu cầu không hợp lệ', details: error.message });
    }
    req.log.error(error);
    return reply
      .status(500)
      .send({ code: 'internal_error', message: 'Lỗi hệ thống, vui lòng thử lại hoặc báo quản trị' });
  });

  app.setNotFoundHandler((req, reply) => {
    const page = req.method === 'GET' && !req.url.startsWith('/api/') && !/\.[a-z0-9]+(\?|$)/i.test(req.url);
    // The candidate exam page is its own light entry under /exam.
    const path = req.url.split('?')[0] ?? '';
    const entry = path === '/exam' || path.startsWith('/exam/') ? 'exam/index.html' : 'index.html';
    if (page && existsSync(join(webDist, entry))) {
      return reply.header('cache-control', 'no-cache').type('text/html').sendFile(entry, webDist);
    }
    reply
      .status(404)
      .send({ code: 'not_found', message: `Không tìm thấy ${req.method} ${req.url.split('?')[0]}` });
  });
}
