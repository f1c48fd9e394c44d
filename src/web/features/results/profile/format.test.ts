import { describe, expect, it } from 'vitest';
import { parseTrendMethod, parseVersion, profilePath } from './api';
import { wrapName } from './chartOptions';
import { fmtPercent, fmtSigned, fmtValue } from './format';

describe('profile formats', () => {
  it('writes values the Vietnamese way, with a true minus sign and no sign on zero', () => {
    expect(fmtValue(0.65125, 'vi')).toBe('0,6513');
    expect(fmtValue(null, 'vi')).toBe('—');
    expect(fmtSigned(0.125, 'vi')).toBe('+0,1250');
    expect(fmtSigned(-0.03, 'vi')).toBe('−0,0300');
    // −0.00004 rounds to 0,0000 at four decimals: shown unsigned.
    expect(fmtSigned(-0.00004, 'vi')).toBe('0,0000');
    expect(fmtSigned(-4.654, 'vi', 2)).toBe('−4,65');
    expect(fmtSigned(1234.5, 'en', 1)).toBe('+1,234.5');
    expect(fmtPercent(0.875, 'vi')).toBe('88%');
  });

  it('wraps a long axis name into at most two lines', () => {
    expect(wrapName('1 Hạ tầng và Nền tảng số', 20)).toBe('1 Hạ tầng và Nền\ntảng số');
    expect(wrapName('2 Nhân lực số', 20)).toBe('2 Nhân lực số');
    // Lines close before passing 16 characters: "3 An toàn thông" (15), "tin, an ninh" (12), then cut.
    expect(wrapName('3 An toàn thông tin, an ninh mạng của thành phố và các xã', 16)).toBe(
      '3 An toàn thông\ntin, an ninh…',
    );
  });

  it('reads the version and the averaging from the address and writes them back', () => {
    expect(parseVersion('2')).toBe(2);
    expect(parseVersion('preview')).toBe('preview');
    expect(parseVersion('0')).toBeUndefined();
    expect(parseVersion('1.5')).toBeUndefined();
    expect(parseVersion(null)).toBeUndefined();
    expect(parseTrendMethod('weighted')).toBe('weighted');
    expect(parseTrendMethod('median')).toBe('mean');
    expect(profilePath('c', 'u')).toBe('/dti/results/c/units/u');
    expect(profilePath('c', 'u', { version: 3, trend: 'weighted' })).toBe(
      '/dti/results/c/units/u?version=3&trend=weighted',
    );
    expect(profilePath('c', 'u', { trend: 'mean' })).toBe('/dti/results/c/units/u');
  });
});
