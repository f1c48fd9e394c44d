import { LockOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The tags that go wherever a set is named: "mẫu minh họa" and "đã khóa". */
export function FrameworkTags({
  illustrative,
  lockedAt,
  lockedReason,
}: {
  illustrative: boolean;
  lockedAt: string | null;
  lockedReason?: string | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      {illustrative && (
        <Tooltip title={t('frameworks.illustrativeHelp')}>
          <Tag
            style={{ marginInlineEnd: 4, background: '#fff7e6', color: '#613400', borderColor: '#ffc069' }}
          >
            {t('frameworks.illustrative')}
          </Tag>
        </Tooltip>
      )}
      {lockedAt && (
        <Tooltip title={lockedReason ?? undefined}>
          <Tag
            icon={<LockOutlined aria-hidden />}
            style={{ marginInlineEnd: 4, background: '#f0f0f0', color: '#262626', borderColor: '#bfbfbf' }}
          >
            {t('frameworks.locked')}
          </Tag>
        </Tooltip>
      )}
    </>
  );
}

/** Points as Vietnamese readers write them (comma decimals), at most two decimals. */
export function formatPoints(n: number, lang: string): string {
  return n.toLocaleString(lang.startsWith('en') ? 'en-US' : 'vi-VN', { maximumFractionDigits: 2 });
}

const TONES = {
  blue: { background: '#e6f4ff', color: '#002c8c', borderColor: '#91caff' },
  red: { background: '#fff1f0', color: '#820014', borderColor: '#ffa39e' },
  green: { background: '#f6ffed', color: '#135200', borderColor: '#b7eb8f' },
  purple: { background: '#f9f0ff', color: '#391085', borderColor: '#d3adf7' },
  orange: { background: '#fff7e6', color: '#612500', borderColor: '#ffd591' },
} as const;
export type Tone = keyof typeof TONES;

/** A coloured tag whose text keeps a 4.5:1 contrast. */
export function ToneTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <Tag style={{ ...TONES[tone], marginInlineEnd: 4 }}>{children}</Tag>;
}
