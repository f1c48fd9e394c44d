import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../env';
import { absoluteLink, createMailer, noticeEmail } from './mailer';
import { decodeHeaderValue, parseMail, type SmtpSink, startSmtpSink } from './testing/smtp-sink';

describe('e-mail configuration', () => {
  it('is optional: without SMTP_URL notices stay in the app', () => {
    const env = readEnv({});
    expect(env.SMTP_URL).toBeUndefined();
    expect(createMailer(env)).toBeNull();
  });

  it('accepts smtp:// and smtps:// with a sender, and an http(s) PUBLIC_URL', () => {
    const env = readEnv({
      SMTP_URL: 'smtps://thongbao:mat-khau@mail.cantho.gov.vn:465',
      SMTP_FROM: 'Thước Đo <no-reply@cantho.gov.vn>',
      PUBLIC_URL: 'https://dti.cantho.gov.vn',
    });
    expect(env.SMTP_URL).toBe('smtps://thongbao:mat-khau@mail.cantho.gov.vn:465');
    expect(readEnv({ SMTP_URL: 'smtp://mail:587', SMTP_FROM: 'a@b.vn' }).SMTP_FROM).toBe('a@b.vn');
  });

  it('refuses a sender missing with SMTP_URL, another scheme, a bad sender or PUBLIC_URL', () => {
    expect(() => readEnv({ SMTP_URL: 'smtp://mail.example.vn:587' })).toThrow(/SMTP_FROM/);
    expect(() => readEnv({ SMTP_URL: 'http://mail.example.vn', SMTP_FROM: 'a@b.vn' })).toThrow(/SMTP_URL/);
    expect(() => readEnv({ SMTP_URL: 'smtp://mail:587', SMTP_FROM: 'không phải địa chỉ' })).toThrow(
      /SMTP_FROM/,
    );
    expect(() => readEnv({ PUBLIC_URL: 'dti.cantho.gov.vn' })).toThrow(/PUBLIC_URL/);
  });
});

describe('notice e-mail', () => {
  it('makes app paths absolute under PUBLIC_URL, base path included', () => {
    expect(absoluteLink('/cycles/1', 'https://dti.example.vn')).toBe('https://dti.example.vn/cycles/1');
    expect(absoluteLink('/cycles/1', 'https://example.vn/dti/')).toBe('https://example.vn/dti/cycles/1');
    expect(absoluteLink('/cycles/1', undefined)).toBeNull();
    expect(absoluteLink(null, 'https://dti.example.vn')).toBeNull();
  });

  it('is plain Vietnamese text naming the notice, with its link or a hint to sign in', () => {
    const notice = { title: 'Sắp hết hạn tự đánh giá', body: 'Kỳ 2026: còn hai ngày.', link: '/cycles/c1' };
    const withLink = noticeEmail(notice, 'https://dti.example.vn');
    expect(withLink.subject).toBe('[Thước Đo] Sắp hết hạn tự đánh giá');
    expect(withLink.text).toContain('Kỳ 2026: còn hai ngày.');
    expect(withLink.text).toContain('Xem chi tiết: https://dti.example.vn/cycles/c1');
    const without = noticeEmail(notice, undefined);
    expect(without.text).not.toContain('/cycles/c1');
    expect(without.text).toContain('Đăng nhập Thước Đo');
  });
});

describe('SMTP mailer', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink.close());

  it('delivers a UTF-8 message the receiving side decodes back to the same Vietnamese text', async () => {
    const mailer = createMailer({ SMTP_URL: sink.url, SMTP_FROM: 'Thước Đo <no-reply@thuocdo.test>' })!;
    const subject = 'Yêu cầu bổ sung minh chứng — Phường Tân An';
    const text = 'Chỉ số 1.2: đề nghị bổ sung văn bản số 12/QĐ-UBND.\nHạn: 15/03/2026 17:00.';
    try {
      await mailer.send({ to: { name: 'Nguyễn Thị Hằng', address: 'hang@tanan.test' }, subject, text });
    } finally {
      mailer.close();
    }
    expect(sink.messages).toHaveLength(1);
    const [mail] = sink.messages;
    expect(mail!.from).toBe('no-reply@thuocdo.test');
    expect(mail!.to).toEqual(['hang@tanan.test']);
    const parsed = parseMail(mail!.raw);
    expect(decodeHeaderValue(parsed.headers.subject!)).toBe(subject);
    expect(decodeHeaderValue(parsed.headers.from!)).toContain('Thước Đo');
    expect(decodeHeaderValue(parsed.headers.to!)).toContain('Nguyễn Thị Hằng');
    expect(parsed.headers['content-type']).toMatch(/text\/plain; charset=utf-8/i);
    expect(parsed.text.trimEnd()).toBe(text);
  });
});
