import { theme as antdTheme } from 'antd';
import { describe, expect, it } from 'vitest';
import { theme } from './theme';

/** WCAG 2.x relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const v = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

const token = antdTheme.getDesignToken(theme) as unknown as Record<string, string>;
const colour = (key: string): string => {
  const value = token[key];
  if (!value) throw new Error(`no token ${key}`);
  return value;
};
const PRESETS = [
  'green',
  'orange',
  'gold',
  'blue',
  'purple',
  'red',
  'cyan',
  'lime',
  'volcano',
  'magenta',
  'geekblue',
];

describe('theme contrast (WCAG AA, 4.5:1 for small text)', () => {
  it.each(PRESETS)('a %s tag: text (shade 7) on its background (shade 1)', (c) => {
    expect(contrast(colour(`${c}7`), colour(`${c}1`))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(['Success', 'Warning', 'Error', 'Info'])('a %s status tag and alert text', (s) => {
    expect(contrast(colour(`color${s}`), colour(`color${s}Bg`))).toBeGreaterThanOrEqual(4.5);
  });

  it('the luminance formula gives the known extremes', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
