import { describe, expect, it } from 'vitest';
import {
  formatCorrelation,
  formatPercentChange,
  formatPoints,
  formatShare,
  formatValue,
  formatValueChange,
} from './format';

describe('results number formats', () => {
  it('writes values with four decimals and a comma in Vietnamese, a point in English', () => {
    expect(formatValue(0.72883, 'vi')).toBe('0,7288');
    expect(formatValue(0.5, 'vi')).toBe('0,5000');
    expect(formatValue(0.5, 'en')).toBe('0.5000');
    expect(formatValue(null, 'vi')).toBe('—');
  });

  it('writes points with at most two decimals and thousands grouped', () => {
    expect(formatPoints(128.14999999999998, 'vi')).toBe('128,15');
    expect(formatPoints(179, 'vi')).toBe('179');
    expect(formatPoints(1234.5, 'vi')).toBe('1.234,5');
  });

  it('signs changes with a true minus and keeps zero unsigned', () => {
    // 0.7288 − 0.6340 = 0.0948; 0.6179 − 0.6482 = −0.0303.
    expect(formatValueChange(0.7288 - 0.634, 'vi')).toBe('+0,0948');
    expect(formatValueChange(0.6179 - 0.6482, 'vi')).toBe('−0,0303');
    expect(formatValueChange(0, 'vi')).toBe('0,0000');
    expect(formatPercentChange(14.9567, 'vi')).toBe('+15,0%');
    expect(formatPercentChange(-3.39, 'vi')).toBe('−3,4%');
  });

  it('writes shares as per cent and correlations with three decimals', () => {
    // 1 unit of 14 moved: 7.14…%.
    expect(formatShare(1 / 14, 'vi')).toBe('7,1%');
    expect(formatShare(0, 'vi')).toBe('0,0%');
    expect(formatCorrelation(0.91666, 'vi')).toBe('0,917');
    expect(formatCorrelation(null, 'vi')).toBe('—');
  });
});
