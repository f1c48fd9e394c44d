import { z } from 'zod';

const ZEnvFields = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /**
   * Connections each instance keeps to PostgreSQL. Requests queue for a connection, so a pool far
   * below the database's capacity is the bottleneck of a large sitting; keep instances × pool under
   * PostgreSQL's `max_connections` (100 by default) minus what backups and psql need.
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  THUOCDO_ADMIN_PASSWORD: z.string().min(10, 'THUOCDO_ADMIN_PASSWORD phải có ít nhất 10 ký tự').optional(),
  THUOCDO_DEMO: z.enum(['0', '1']).default('1'),
  /**
   * Seals the private keys of the contest's signing certificates. Absent: a random secret kept in the
   * database (see office/secret-box.ts). Set it to keep the key out of the database and its backups;
   * every instance needs the same value, and keys sealed under one secret open only with it.
   */
  THUOCDO_SECRET: z.string().min(32, 'THUOCDO_SECRET phải có ít nhất 32 ký tự').optional(),
  /**
   * Worker threads that render the practice part's PDFs (seeding, the văn thư's number): 0 renders on
   * the main thread, which then stalls every request while it works. Absent: one per spare core, at most 2.
   */
  THUOCDO_PDF_WORKERS: z.coerce.number().int().min(0).max(8).optional(),
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  COOKIE_SECURE: z.enum(['auto', '0', '1']).default('auto'),
  SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * The SMTP server notices are e-mailed through, e.g. `smtps://user:pass@mail.example.gov.vn:465`
   * (`smtp://…:587` upgrades with STARTTLS). Absent: notices are in-app only.
   */
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'SMTP_URL phải có dạng smtp://… hoặc smtps://…' })
    .optional(),
  /** The sender of those e-mails, `địa chỉ` or `Tên <địa chỉ>`; required with SMTP_URL. */
  SMTP_FROM: z
    .string()
    .regex(/^([^<>]*<)?[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>?$/, 'SMTP_FROM phải là một địa chỉ e-mail')
    .optional(),
  /** The address users open the app at (https://dti.example.gov.vn): makes links in e-mails absolute. */
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'PUBLIC_URL phải có dạng http(s)://…' }).optional(),
});

const ZEnv = ZEnvFields.refine((env) => !env.SMTP_URL || env.SMTP_FROM, {
  path: ['SMTP_FROM'],
  message: 'SMTP_FROM (địa chỉ người gửi) là bắt buộc khi đặt SMTP_URL',
});

export type Env = z.infer<typeof ZEnv>;

/** Reads and validates the configuration once; nothing else reads `process.env`. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty variable (`PORT=`) means "not set", as in most shells' and tools' conventions.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZEnv.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình không hợp lệ:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Values for tests and tools that build the app without the process environment. */
export function testEnv(overrides: Partial<Env> = {}): Env {
  return { ...readEnv({}), LOG_LEVEL: 'silent', ...overrides };
}
