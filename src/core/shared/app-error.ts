/** Stable, machine-readable error codes. The HTTP layer maps them to status codes in one place. */
export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'forbidden_unit',
  'csrf_failed',
  'invalid_credentials',
  'account_locked',
  'account_disabled',
  'password_too_weak',
  'wrong_password',
  'not_found',
  'unit_not_found',
  'user_not_found',
  'conflict',
  'unit_code_taken',
  'username_taken',
  'unit_retired',
  'import_invalid',
  'unsupported_file_type',
  'file_too_large',
  'rate_limited',
  'framework_not_found',
  'framework_locked',
  'framework_invalid',
  'question_not_found',
  'question_in_use',
  'question_category_not_found',
  'question_category_in_use',
  'question_category_name_taken',
  'contest_not_found',
  'contest_locked',
  'exam_session_not_found',
  'candidate_not_found',
  'attempt_not_found',
  'attempt_closed',
  'exam_not_started',
  'exam_paused',
  'login_elsewhere',
  'window_closed',
  'cycle_not_found',
  'cycle_incomplete',
  'cycle_state',
  'evidence_not_found',
  'internal_error',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one error type of the domain and the API: a stable code, a Vietnamese message, optional details. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
