import { describe, expect, it } from 'vitest';
import { blankDateLine, dateLine, numberLine, parentPlace } from './document-text';

describe('the fixed lines of a văn bản (ND 30 Phụ lục I)', () => {
  it('writes dates with a leading zero for days below 10 and for January and February only', () => {
    // The examples of Phụ lục I: "ngày 05 tháng 3 năm 2020", "ngày 14 tháng 7 năm 2022".
    expect(dateLine('Hà Nội', '2020-03-05')).toBe('Hà Nội, ngày 05 tháng 3 năm 2020');
    expect(dateLine('Ninh Kiều', '2022-07-14')).toBe('Ninh Kiều, ngày 14 tháng 7 năm 2022');
    expect(dateLine('Cần Thơ', '2023-02-28')).toBe('Cần Thơ, ngày 28 tháng 02 năm 2023');
    expect(dateLine('Cần Thơ', '2023-12-01')).toBe('Cần Thơ, ngày 01 tháng 12 năm 2023');
  });

  it('leaves the number and the day blank on a draft', () => {
    expect(numberLine('QĐ-UBND')).toMatch(/^Số:\s+\/QĐ-UBND$/);
    expect(numberLine('QĐ-UBND', '05')).toBe('Số: 05/QĐ-UBND');
    expect(blankDateLine('Ninh Kiều', 2022)).toMatch(/^Ninh Kiều, ngày\s+tháng\s+năm 2022$/);
  });

  it('takes the place of incoming documents from the managing body’s name', () => {
    expect(parentPlace('Ủy ban nhân dân thành phố Cần Thơ', 'Ninh Kiều')).toBe('Cần Thơ');
    expect(parentPlace('Ủy ban nhân dân quận Ninh Kiều', 'Hưng Lợi')).toBe('Ninh Kiều');
    expect(parentPlace(undefined, 'Ninh Kiều')).toBe('Ninh Kiều');
    expect(parentPlace('Sở Nội vụ', 'Ninh Kiều')).toBe('Ninh Kiều');
  });
});
