import { describe, expect, it } from 'vitest';
import { cleanText, foldVietnamese } from './text';

describe('foldVietnamese', () => {
  it('drops tones and marks, turns đ into d and lowers the case', () => {
    expect(foldVietnamese('Đặng Quốc Việt')).toBe('dang quoc viet');
    expect(foldVietnamese('Phường An Bình')).toBe('phuong an binh');
    expect(foldVietnamese('Huyện Cờ Đỏ')).toBe('huyen co do');
    expect(foldVietnamese('ƯỚC LƯỢNG ơ ư â ê ô ă')).toBe('uoc luong o u a e o a');
    expect(foldVietnamese('đường')).toBe('duong');
  });

  it('folds text written in decomposed form (NFD) the same as composed (NFC)', () => {
    const composed = 'Thốt Nốt';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(foldVietnamese(decomposed)).toBe(foldVietnamese(composed));
    expect(foldVietnamese(decomposed)).toBe('thot not');
  });

  it('collapses and trims white space', () => {
    expect(foldVietnamese('  Sở   Nội\tvụ \n')).toBe('so noi vu');
  });

  it('leaves plain ASCII lower-cased but otherwise unchanged', () => {
    expect(foldVietnamese('CT26-001')).toBe('ct26-001');
  });
});

describe('cleanText', () => {
  it('composes to NFC, trims and collapses inner runs of white space', () => {
    const input = '  Phường \t An\n\nBình  '.normalize('NFD');
    const out = cleanText(input);
    expect(out).toBe('Phường An Bình');
    expect(out).toBe(out.normalize('NFC'));
    expect(out.length).toBe('Phường An Bình'.length);
  });

  it('keeps case and diacritics', () => {
    expect(cleanText('Sở Văn hóa, Thể thao và Du lịch')).toBe('Sở Văn hóa, Thể thao và Du lịch');
  });

  it('reduces blank input to the empty string', () => {
    expect(cleanText(' \t\n ')).toBe('');
  });
});
