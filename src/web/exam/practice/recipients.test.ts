import { describe, expect, it } from 'vitest';
import {
  completeEntry,
  currentEntry,
  parseRecipients,
  resolveRecipient,
  splitRecipients,
  suggestRecipients,
} from './recipients';
import { practiceView } from './view-fixture';

const { directory } = practiceView();

describe('recipient fields', () => {
  it('splits on commas, semicolons and new lines', () => {
    expect(splitRecipients(' a@x.vn, b@y.vn;\n c@z.vn ,, ')).toEqual(['a@x.vn', 'b@y.vn', 'c@z.vn']);
  });

  it('takes an address, "Name <address>", or a name only one directory entry has', () => {
    expect(resolveRecipient('Ai@Ngoai.vn', directory)).toBe('Ai@Ngoai.vn');
    expect(resolveRecipient('Phòng X <px@so.vn>', directory)).toBe('px@so.vn');
    expect(resolveRecipient('le hoang phuc', directory)).toBe('lhphuc@phuong.vn');
    // "Linh" alone is nobody's full name; a half address is not an address.
    expect(resolveRecipient('Linh', directory)).toBeNull();
    expect(resolveRecipient('lhphuc@phuong', directory)).toBeNull();
  });

  it('drops repeated addresses and reports what it cannot make out', () => {
    const r = parseRecipients('A@x.vn, a@X.vn, Lê Hoàng Phúc, ai đó', directory);
    expect(r.addresses).toEqual(['A@x.vn', 'lhphuc@phuong.vn']);
    expect(r.unknown).toEqual(['ai đó']);
  });
});

describe('suggestions from the directory', () => {
  it('matches the entry being typed by name (diacritics ignored) or address', () => {
    const names = suggestRecipients('a@x.vn, linh', directory).map((d) => d.email);
    // "Lê Thị Linh" and "Nguyễn Thị Mỹ Linh": a word of each name starts with "linh"; also "ntmlinh@…".
    expect(names.sort()).toEqual(['ltlinh@phuong.vn', 'ntmlinh@phuong.vn']);
    expect(suggestRecipients('vanhoa', directory).map((d) => d.key)).toEqual(['bp-van-hoa']);
  });

  it('ranks names that start with the text first', () => {
    const keys = suggestRecipients('le', directory).map((d) => d.key);
    // Both "Lê …" names start with it; "Bộ phận Văn hóa - Xã hội" has no word starting with "le".
    expect(keys.slice(0, 2).sort()).toEqual(['cc-linh-2', 'cc-van-hoa']);
  });

  it('leaves out addresses already in the field and the excluded ones', () => {
    expect(suggestRecipients('lhphuc@phuong.vn, le', directory).map((d) => d.key)).toEqual(['cc-linh-2']);
    expect(suggestRecipients('tran', directory, ['pct@phuong.vn'])).toEqual([]);
  });

  it('suggests nothing before anything is typed', () => {
    expect(suggestRecipients('a@x.vn, ', directory)).toEqual([]);
  });

  it('replaces the entry being typed by the chosen address', () => {
    expect(currentEntry('a@x.vn; Lê H')).toBe('Lê H');
    expect(completeEntry('a@x.vn; Lê H', 'lhphuc@phuong.vn')).toBe('a@x.vn; lhphuc@phuong.vn, ');
    expect(completeEntry('Lê', 'lhphuc@phuong.vn')).toBe('lhphuc@phuong.vn, ');
  });
});
