import { describe, expect, it } from 'vitest';
import { assignNumbers, numberPrefix } from './candidate-numbers';

const row = (rowNumber: number, unitName: string, fullName: string, number: string | null = null) => ({
  rowNumber,
  unitName,
  fullName,
  number,
});

describe('candidate numbers', () => {
  it('uses the year in the prefix', () => {
    expect(numberPrefix(2026)).toBe('TS26-');
    expect(numberPrefix(2105)).toBe('TS05-');
  });

  it('numbers by unit, then given name, in Vietnamese order (Đ after D, Ă after A)', () => {
    const numbers = assignNumbers(
      [
        row(2, 'Sở Y tế', 'Nguyễn Văn Đức'),
        row(3, 'Phường Ăn Bình', 'Trần Thị Dung'),
        row(4, 'Sở Y tế', 'Lê Thị Dung'),
        row(5, 'Phường An Bình', 'Phạm Văn Bảo'),
      ],
      [],
      'TS26-',
    );
    expect([...numbers.entries()].sort((a, b) => a[1].localeCompare(b[1]))).toEqual([
      [5, 'TS26-0001'],
      [3, 'TS26-0002'],
      [4, 'TS26-0003'],
      [2, 'TS26-0004'],
    ]);
  });

  it('continues after the highest taken number and skips numbers given in the file', () => {
    const numbers = assignNumbers(
      [row(2, 'A', 'An'), row(3, 'A', 'Bình', 'ts26-0008'), row(4, 'B', 'Cường')],
      ['TS26-0003', 'TS26-0007', 'KHAC-0099'],
      'TS26-',
    );
    expect(numbers.get(2)).toBe('TS26-0009');
    expect(numbers.get(4)).toBe('TS26-0010');
    expect(numbers.has(3)).toBe(false);
  });
});
