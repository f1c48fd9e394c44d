import type { TImportResult, TImportRowError } from '../../../../contracts/units';
import { ApiError, api } from '../../../backend/client';

/** Uploads the workbook; a dry run checks every row and imports nothing. */
export function importUnits(file: File, dryRun: boolean): Promise<TImportResult> {
  const body = new FormData();
  body.append('file', file);
  return api<TImportResult>('/units/import', { method: 'POST', body, query: { dryRun } });
}

/** The bad rows of an `import_invalid` answer; null for any other error. */
export function importRowErrors(err: unknown): TImportRowError[] | null {
  if (!(err instanceof ApiError) || err.code !== 'import_invalid' || !Array.isArray(err.details)) return null;
  return err.details as TImportRowError[];
}
