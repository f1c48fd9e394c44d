import { describe, expect, it } from 'vitest';
import { contentDisposition } from './content-disposition';

describe('contentDisposition', () => {
  it('carries a Vietnamese name intact in filename* and a plain ASCII fallback', () => {
    const name = 'Báo cáo "đợt 1" (bản cuối)*.pdf';
    const header = contentDisposition('inline', name);
    // A header value must be plain ASCII (Node refuses anything else).
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    expect(header.startsWith('inline; ')).toBe(true);
    // Written by hand: diacritics dropped, đ → d, the quotes replaced.
    expect(header).toContain('filename="Bao cao _dot 1_ (ban cuoi)*.pdf"');
    const star = /filename\*=UTF-8''(\S+)$/.exec(header)![1]!;
    // RFC 5987 leaves no ( ) * ' unescaped; decoding gives the name back.
    expect(star).not.toMatch(/[()*']/);
    expect(decodeURIComponent(star)).toBe(name);
  });

  it('normalises a decomposed name to NFC', () => {
    const decomposed = 'Kế hoạch.pdf'.normalize('NFD');
    const star = /filename\*=UTF-8''(\S+)$/.exec(contentDisposition('attachment', decomposed))![1]!;
    expect(decodeURIComponent(star)).toBe('Kế hoạch.pdf'.normalize('NFC'));
  });
});
