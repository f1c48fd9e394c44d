import { AppError } from '../../core/shared/app-error';

function isUniqueViolation(e: unknown): boolean {
  for (let cur: unknown = e; cur && typeof cur === 'object'; cur = (cur as { cause?: unknown }).cause) {
    if ((cur as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * Runs a write and turns a unique-index violation (two people saving the same question, code or
 * category name at once) into a clear conflict instead of an internal error.
 */
export async function withUniqueGuard<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new AppError('conflict', 'Dữ liệu vừa được người khác thay đổi; hãy tải lại rồi thử lại');
    }
    throw e;
  }
}
