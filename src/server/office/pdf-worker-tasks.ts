import { renderDocumentPdf } from './render-document-pdf';
import { renderIssueNumber } from './render-issue-number';
import { renderSeedFile } from './render-seed-file';
import { signVerified, verifySigned } from './signing-tasks';

/**
 * The PDF work a worker thread does, by name: each takes plain data (what `postMessage` can copy) and
 * gives bytes back. The same functions run in-process when the workers are turned off.
 */
export const PDF_TASKS = {
  document: renderDocumentPdf,
  seedFile: renderSeedFile,
  issueNumber: renderIssueNumber,
  signVerified,
  verifySigned,
};

export type PdfTasks = typeof PDF_TASKS;
export type PdfTaskKind = keyof PdfTasks;
export type PdfTaskInput<K extends PdfTaskKind> = Parameters<PdfTasks[K]>[0];
export type PdfTaskResult<K extends PdfTaskKind> = Awaited<ReturnType<PdfTasks[K]>>;

/** Request and answer between the main thread and a worker. */
export interface PdfTaskRequest {
  id: number;
  kind: string;
  input: unknown;
}
export type PdfTaskAnswer =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { name: string; message: string; stack?: string } };

const isBytes = (v: unknown): v is Uint8Array => v instanceof Uint8Array;

/**
 * The byte arrays of a result (itself or its fields) that own their whole memory, so they can be
 * moved to the other thread instead of copied; a view into a shared pool is copied.
 */
export function transferablesOf(result: unknown): ArrayBuffer[] {
  const values = isBytes(result)
    ? [result]
    : result && typeof result === 'object'
      ? Object.values(result)
      : [];
  const out = new Set<ArrayBuffer>();
  for (const v of values) {
    if (
      isBytes(v) &&
      v.byteOffset === 0 &&
      v.byteLength === v.buffer.byteLength &&
      v.buffer instanceof ArrayBuffer
    ) {
      out.add(v.buffer);
    }
  }
  return [...out];
}

const asBuffer = (v: Uint8Array) =>
  Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength);

/** Bytes that crossed threads arrive as plain Uint8Arrays: give them back as the Buffers they were. */
export function reviveBuffers<T>(result: unknown): T {
  if (isBytes(result)) return asBuffer(result) as T;
  if (!result || typeof result !== 'object' || Array.isArray(result)) return result as T;
  return Object.fromEntries(Object.entries(result).map(([k, v]) => [k, isBytes(v) ? asBuffer(v) : v])) as T;
}
