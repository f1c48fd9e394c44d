import { describe, expect, it } from 'vitest';
import { bandFor, DEFAULT_BANDS, validateBands } from './bands';

describe('xếp loại theo ngưỡng', () => {
  it('chọn xếp loại có ngưỡng cao nhất không vượt giá trị, ngưỡng tính cả biên', () => {
    expect(bandFor(0.8, DEFAULT_BANDS)?.label).toBe('Tốt');
    expect(bandFor(0.7999999999999999, DEFAULT_BANDS)?.label).toBe('Tốt');
    expect(bandFor(0.7999, DEFAULT_BANDS)?.label).toBe('Khá');
    expect(bandFor(0.5, DEFAULT_BANDS)?.label).toBe('Trung bình');
    expect(bandFor(0.1, DEFAULT_BANDS)?.label).toBe('Yếu');
    expect(bandFor(null, DEFAULT_BANDS)).toBeNull();
  });

  it('ngưỡng cấu hình được, không phụ thuộc thứ tự khai báo; dưới mọi ngưỡng thì không xếp loại', () => {
    const bands = [
      { code: 'b', label: 'Đạt', minValue: 0.5 },
      { code: 'a', label: 'Xuất sắc', minValue: 0.9 },
    ];
    expect(bandFor(0.95, bands)?.code).toBe('a');
    expect(bandFor(0.6, bands)?.code).toBe('b');
    expect(bandFor(0.4, bands)).toBeNull();
  });

  it('báo lỗi tiếng Việt cho danh sách xếp loại sai', () => {
    expect(validateBands(DEFAULT_BANDS)).toEqual([]);
    expect(
      validateBands([
        { code: 'a', label: 'A', minValue: 0.5 },
        { code: 'a', label: 'B', minValue: 0.5 },
        { code: 'c', label: '', minValue: 1.5 },
      ]),
    ).toEqual([
      'Mã xếp loại "a" bị trùng',
      'Ngưỡng 0.5 được dùng cho hai xếp loại',
      'Xếp loại "c" chưa có tên',
      'Ngưỡng của xếp loại "c" phải nằm trong khoảng 0–1',
    ]);
  });
});
