import { type FormData, Pool } from 'undici';
import type { Recorder } from './stats';

/** A failed request: HTTP status and the API's error code, or a network error. */
export class RequestFailed extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface CallOptions {
  body?: unknown;
  /** `name=value` cookie header. */
  cookie?: string;
  csrf?: string;
  /** Extra headers (multipart content type…). */
  headers?: Record<string, string>;
  raw?: Buffer | FormData;
  /** Recorded under this kind; unrecorded when absent. */
  kind?: string;
  /** Longer than the pool's default, for setup steps that take minutes. */
  timeoutMs?: number;
}

export interface Reply<T> {
  status: number;
  data: T;
  cookies: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  buffer?: Buffer;
}

function cookiesOf(header: string | string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of header === undefined ? [] : Array.isArray(header) ? header : [header]) {
    const [pair] = line.split(';');
    const eq = pair!.indexOf('=');
    if (eq > 0) out[pair!.slice(0, eq).trim()] = pair!.slice(eq + 1).trim();
  }
  return out;
}

/**
 * One keep-alive connection pool to the server shared by every simulated candidate (each request
 * carries its own cookie, as each PC's browser would). POSTs carry the Origin the server checks.
 */
export class ApiClient {
  readonly pool: Pool;

  constructor(
    readonly base: string,
    connections: number,
    private readonly recorder: Recorder,
    timeoutMs = 60_000,
  ) {
    this.pool = new Pool(base, {
      connections,
      keepAliveTimeout: 60_000,
      // A browser keeps trying to connect for tens of seconds before it gives up.
      connectTimeout: 30_000,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
  }

  async call<T = unknown>(
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    o: CallOptions = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...o.headers };
    if (o.cookie) headers.cookie = o.cookie;
    if (method !== 'GET') {
      headers.origin = this.base;
      if (o.csrf) headers['x-csrf-token'] = o.csrf;
    }
    let body: string | Buffer | FormData | undefined;
    if (o.raw !== undefined) body = o.raw;
    else if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers['content-type'] = 'application/json';
    }
    const sent = performance.now();
    let res: Awaited<ReturnType<Pool['request']>>;
    try {
      res = await this.pool.request({
        method,
        path,
        headers,
        body: body as string | Buffer | undefined,
        ...(o.timeoutMs ? { headersTimeout: o.timeoutMs, bodyTimeout: o.timeoutMs } : {}),
      });
    } catch (e) {
      const code = (e as { code?: string }).code ?? 'network';
      if (o.kind) this.recorder.error(o.kind, `network:${code}`, sent);
      throw new RequestFailed(0, code, (e as Error).message);
    }
    const type = String(res.headers['content-type'] ?? '');
    const isJson = type.includes('application/json');
    const buffer = Buffer.from(await res.body.arrayBuffer());
    const ms = performance.now() - sent;
    const data = isJson && buffer.length ? JSON.parse(buffer.toString('utf8')) : undefined;
    if (res.statusCode >= 400) {
      const code = (data as { code?: string } | undefined)?.code ?? `http_${res.statusCode}`;
      if (o.kind) this.recorder.error(o.kind, `${res.statusCode}:${code}`, sent);
      throw new RequestFailed(
        res.statusCode,
        code,
        `${method} ${path} → ${res.statusCode} ${(data as { message?: string } | undefined)?.message ?? ''}`,
      );
    }
    if (o.kind) this.recorder.ok(o.kind, sent, ms);
    return {
      status: res.statusCode,
      data: data as T,
      cookies: cookiesOf(res.headers['set-cookie']),
      headers: res.headers,
      buffer: isJson ? undefined : buffer,
    };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
