import { Tag } from 'antd';
import type { ReactNode } from 'react';

/** AntD's preset tag colours fall below 4.5:1 on their tint; these keep the text readable. */
const TONES = {
  default: { background: '#f5f5f5', color: '#262626', borderColor: '#d9d9d9' },
  green: { background: '#f6ffed', color: '#135200', borderColor: '#b7eb8f' },
  blue: { background: '#e6f4ff', color: '#002c8c', borderColor: '#91caff' },
  orange: { background: '#fff7e6', color: '#612500', borderColor: '#ffd591' },
  red: { background: '#fff1f0', color: '#820014', borderColor: '#ffa39e' },
  gold: { background: '#fffbe6', color: '#613400', borderColor: '#ffe58f' },
} as const;
export type Tone = keyof typeof TONES;

export function ToneTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <Tag style={{ ...TONES[tone], marginInlineEnd: 4 }}>{children}</Tag>;
}
