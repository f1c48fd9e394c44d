import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import {
  assignNumber,
  buildNotation,
  buildNumberSymbol,
  checkNumberSymbol,
  DOCUMENT_TYPES,
  formatCodeNumber,
  type NumberRegister,
  parseNumberSymbol,
  seriesOf,
} from './numbering';

describe('ND 30 number and symbol', () => {
  it('writes numbers below 10 with a leading 0 and others as they are', () => {
    expect([1, 5, 9, 10, 12, 124, 2088].map(formatCodeNumber)).toEqual([
      '01',
      '05',
      '09',
      '10',
      '12',
      '124',
      '2088',
    ]);
    expect(() => formatCodeNumber(0)).toThrow(AppError);
    expect(() => formatCodeNumber(1.5)).toThrow(AppError);
  });

  it('builds the symbol from the type and agency abbreviations (Phụ lục III), công văn from agency and unit', () => {
    expect(buildNotation({ type: 'quyet_dinh', agency: 'UBND' })).toBe('QĐ-UBND');
    expect(buildNotation({ type: 'ke_hoach', agency: 'UBND' })).toBe('KH-UBND');
    expect(buildNotation({ type: 'to_trinh', agency: 'STTTT' })).toBe('TTr-STTTT');
    expect(buildNotation({ type: 'cong_van', agency: 'UBND', unit: 'VP' })).toBe('UBND-VP');
    expect(buildNumberSymbol(5, 'QĐ-UBND')).toBe('05/QĐ-UBND');
    expect(buildNumberSymbol(12, buildNotation({ type: 'cong_van', agency: 'UBND', unit: 'VP' }))).toBe(
      '12/UBND-VP',
    );
  });

  it('refuses a công văn without a drafting unit and abbreviations with spaces', () => {
    expect(() => buildNotation({ type: 'cong_van', agency: 'UBND' })).toThrow(/đơn vị soạn thảo/);
    expect(() => buildNotation({ type: 'quyet_dinh', agency: 'UB ND' })).toThrow(AppError);
  });

  it('knows the 27 abbreviated types of Phụ lục III plus công văn', () => {
    const types = Object.values(DOCUMENT_TYPES);
    expect(types).toHaveLength(28);
    expect(types.filter((t) => t.abbreviation === null).map((t) => t.name)).toEqual(['Công văn']);
    const abbrs = types.flatMap((t) => (t.abbreviation ? [t.abbreviation] : []));
    expect(new Set(abbrs).size).toBe(abbrs.length);
  });

  it('parses number and symbol', () => {
    expect(parseNumberSymbol('2088/QĐ-UBND')).toEqual({ codeNumber: 2088, notation: 'QĐ-UBND' });
    expect(parseNumberSymbol('QĐ-UBND')).toBeNull();
  });

  it('checks a number string against the rules and an expected symbol', () => {
    const qd = { type: 'quyet_dinh', agency: 'UBND' } as const;
    expect(checkNumberSymbol('05/QĐ-UBND', qd)).toEqual([]);
    expect(checkNumberSymbol('224/KH-UBND', { type: 'ke_hoach', agency: 'UBND' })).toEqual([]);
    expect(checkNumberSymbol('5/QĐ-UBND', qd)).toEqual([expect.stringContaining('“05”')]);
    expect(checkNumberSymbol('012/QĐ-UBND', qd)).toEqual([expect.stringContaining('“12”')]);
    expect(checkNumberSymbol('00/QĐ-UBND', qd)).toEqual([expect.stringContaining('01')]);
    expect(checkNumberSymbol('05 / QĐ-UBND', qd)).toEqual([expect.stringContaining('dấu cách')]);
    expect(checkNumberSymbol('05/KH-UBND', qd)).toEqual([expect.stringContaining('QĐ-UBND')]);
    expect(checkNumberSymbol('05/QĐUBND')).toEqual([expect.stringContaining('gạch nối')]);
    expect(checkNumberSymbol('QĐ-UBND')).toHaveLength(1);
  });
});

describe('number series', () => {
  it('starts each agency and year at 01 and counts up', () => {
    let register: NumberRegister = [];
    const got: string[] = [];
    for (const type of ['quyet_dinh', 'ke_hoach', 'quyet_dinh'] as const) {
      const r = assignNumber(register, 2022, { type, agency: 'UBND' });
      register = r.register;
      got.push(r.numberSymbol);
    }
    expect(got).toEqual(['01/QĐ-UBND', '02/KH-UBND', '03/QĐ-UBND']);
    expect(assignNumber(register, 2023, { type: 'quyet_dinh', agency: 'UBND' }).numberSymbol).toBe(
      '01/QĐ-UBND',
    );
    expect(assignNumber(register, 2022, { type: 'quyet_dinh', agency: 'STTTT' }).numberSymbol).toBe(
      '01/QĐ-STTTT',
    );
    expect(seriesOf(register, 'UBND', 2022)).toMatchObject({ last: 3, issued: got });
  });

  it('continues a seeded series and never gives the same number twice in a year', () => {
    const register: NumberRegister = [{ agency: 'UBND', year: 2023, last: 86, issued: ['87/KH-UBND'] }];
    // A register whose last number lags behind what it issued is corrupt: refuse rather than duplicate.
    expect(() => assignNumber(register, 2023, { type: 'ke_hoach', agency: 'UBND' })).toThrow(AppError);
    const ok = assignNumber([{ agency: 'UBND', year: 2023, last: 86, issued: [] }], 2023, {
      type: 'cong_van',
      agency: 'UBND',
      unit: 'VP',
    });
    expect(ok.numberSymbol).toBe('87/UBND-VP');
  });
});
