import { createTransport } from 'nodemailer';
import type { Env } from '../env';

export interface OutgoingMail {
  to: { name: string; address: string };
  subject: string;
  text: string;
}

/** Sends e-mail; a failed send rejects with nodemailer's error (with `responseCode` when the server refused). */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * The SMTP mailer of SMTP_URL and SMTP_FROM, or null when SMTP is not configured (notices stay in-app).
 * A small pool keeps one or two connections open while a batch goes out; short timeouts keep an
 * unreachable server from holding a job run for minutes (nodemailer waits two by default).
 */
export function createMailer(env: Pick<Env, 'SMTP_URL' | 'SMTP_FROM'>): Mailer | null {
  if (!env.SMTP_URL || !env.SMTP_FROM) return null;
  const transport = createTransport(
    {
      url: env.SMTP_URL,
      pool: true,
      maxConnections: 2,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
    },
    { from: env.SMTP_FROM },
  );
  return {
    async send(mail) {
      await transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}

/** A path of the web app as a full address under PUBLIC_URL (which may carry a base path); null without it. */
export function absoluteLink(link: string | null, publicUrl: string | undefined): string | null {
  if (!link) return null;
  if (/^https?:\/\//.test(link)) return link;
  if (!publicUrl) return null;
  return `${publicUrl.replace(/\/+$/, '')}/${link.replace(/^\/+/, '')}`;
}

/** The e-mail of an in-app notice: plain Vietnamese text, the link made absolute. */
export function noticeEmail(
  notice: { title: string; body: string; link: string | null },
  publicUrl: string | undefined,
): { subject: string; text: string } {
  const url = absoluteLink(notice.link, publicUrl);
  const lines = [
    notice.title,
    '',
    notice.body,
    '',
    url ? `Xem chi tiết: ${url}` : 'Đăng nhập Thước Đo để xem chi tiết.',
    '',
    '--',
    'Thư gửi tự động từ hệ thống Thước Đo, vui lòng không trả lời thư này.',
    'Thông báo này cũng có trong mục Thông báo của ứng dụng.',
  ];
  return { subject: `[Thước Đo] ${notice.title}`.normalize('NFC'), text: lines.join('\n').normalize('NFC') };
}
