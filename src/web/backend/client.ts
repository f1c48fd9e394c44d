import i18n from 'i18next';

/** An API failure with the server's stable code and its (Vietnamese) message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface FieldIssue {
  path: string;
  message: string;
}

/** `validation_failed` details as a list of field issues; empty when the details have another shape. */
export function fieldIssues(error: unknown): FieldIssue[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return error.details.filter(
    (d): d is FieldIssue =>
      typeof d === 'object' && d !== null && typeof d.path === 'string' && typeof d.message === 'string',
  );
}

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone (401 unauthenticated). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** Builds `?a=1&b=x`, leaving out empty values. */
export function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  body?: unknown;
  /** Do not treat 401 as "session expired" (login and session probe). */
  allow401?: boolean;
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(`/api${path}${queryString(opts.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network_error', i18n.t('errors.network'));
  }
}

async function toError(res: Response): Promise<ApiError> {
  try {
    const data = (await res.json()) as { code?: unknown; message?: unknown; details?: unknown };
    if (typeof data.code === 'string' && typeof data.message === 'string') {
      return new ApiError(res.status, data.code, data.message, data.details);
    }
  } catch {
    // not JSON: fall through to a generic message
  }
  return new ApiError(res.status, 'http_error', i18n.t('errors.http', { status: res.status }));
}

async function refreshCsrf(): Promise<boolean> {
  const res = await send('/auth/me', {});
  if (!res.ok) return false;
  const data = (await res.json()) as { csrfToken?: string };
  setCsrfToken(data.csrfToken ?? null);
  return Boolean(data.csrfToken);
}

/** Calls the JSON API; throws ApiError with the server's code and message on failure. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  let res = await send(path, opts);
  // A stale CSRF token (another tab logged in again): fetch the current one and retry once.
  if (res.status === 403 && opts.method && opts.method !== 'GET') {
    const err = await toError(res.clone());
    if (err.code === 'csrf_failed' && (await refreshCsrf())) res = await send(path, opts);
  }
  if (!res.ok) {
    const err = await toError(res);
    if (res.status === 401 && err.code === 'unauthenticated' && !opts.allow401) onUnauthenticated();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const apiGet = <T>(path: string, query?: Query) => api<T>(path, { query });
export const apiPost = <T>(path: string, body?: unknown, query?: Query) =>
  api<T>(path, { method: 'POST', body: body ?? {}, query });
export const apiPatch = <T>(path: string, body: unknown) => api<T>(path, { method: 'PATCH', body });
