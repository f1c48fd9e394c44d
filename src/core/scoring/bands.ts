import type { Band } from '../framework/model';
import { tieKey } from './rank';

/**
 * Default bands when an index set defines none. Cần Thơ's official names and cut-offs are not published;
 * these are the usual Tốt / Khá / Trung bình / Yếu with illustrative thresholds, editable per set.
 */
export const DEFAULT_BANDS: Band[] = [
  { code: 'tot', label: 'Tốt', minValue: 0.8 },
  { code: 'kha', label: 'Khá', minValue: 0.65 },
  { code: 'trung_binh', label: 'Trung bình', minValue: 0.5 },
  { code: 'yeu', label: 'Yếu', minValue: 0 },
];

/**
 * The band a value falls in: the one with the highest `minValue` not above the value (thresholds are
 * inclusive and compared like ranks, at 9 decimals, so 0.8 computed as 0.7999999999999999 is still Tốt).
 * Null when the value is null or below every threshold.
 */
export function bandFor(value: number | null, bands: readonly Band[]): Band | null {
  if (value === null) return null;
  const key = tieKey(value);
  let best: Band | null = null;
  for (const b of bands) if (tieKey(b.minValue) <= key && (!best || b.minValue > best.minValue)) best = b;
  return best;
}

/** Problems with a band list, in Vietnamese; empty when it is usable. */
export function validateBands(bands: readonly Band[]): string[] {
  const errors: string[] = [];
  const codes = new Set<string>();
  const mins = new Set<number>();
  for (const b of bands) {
    if (!b.code.trim()) errors.push('Mã xếp loại không được để trống');
    else if (codes.has(b.code)) errors.push(`Mã xếp loại "${b.code}" bị trùng`);
    codes.add(b.code);
    if (!b.label.trim()) errors.push(`Xếp loại "${b.code}" chưa có tên`);
    if (!Number.isFinite(b.minValue) || b.minValue < 0 || b.minValue > 1) {
      errors.push(`Ngưỡng của xếp loại "${b.label || b.code}" phải nằm trong khoảng 0–1`);
    } else if (mins.has(b.minValue)) {
      errors.push(`Ngưỡng ${b.minValue} được dùng cho hai xếp loại`);
    }
    mins.add(b.minValue);
  }
  return errors;
}
