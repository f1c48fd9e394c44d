import type { TImportResult } from '../../../../contracts/units';
import { api } from '../../../backend/client';

/** Uploads the workbook; a dry run checks every row and imports nothing. */
export function importUnits(file: File, dryRun: boolean): Promise<TImportResult> {
  const body = new FormData();
  body.append('file', file);
  return api<TImportResult>('/units/import', { method: 'POST', body, query: { dryRun } });
}
