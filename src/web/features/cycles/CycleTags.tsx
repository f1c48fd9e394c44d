import { useTranslation } from 'react-i18next';
import { type Tone, ToneTag } from '../proctor/ToneTag';
import type { CycleWindow, ReviewState, TWindowStatus, UnitState } from './types';

const UNIT_TONES: Record<UnitState, Tone> = {
  draft: 'default',
  submitted: 'blue',
  under_review: 'gold',
  returned: 'orange',
  reviewed: 'blue',
  approved: 'green',
  published: 'green',
};

const REVIEW_TONES: Record<ReviewState, Tone> = {
  pending: 'default',
  agreed: 'green',
  adjusted: 'gold',
  requested: 'orange',
  answered: 'blue',
};

const WINDOW_TONES: Record<TWindowStatus['state'], Tone> = {
  not_open: 'default',
  open: 'green',
  closed: 'gold',
};

export function UnitStateTag({ state }: { state: UnitState }) {
  const { t } = useTranslation();
  return <ToneTag tone={UNIT_TONES[state]}>{t(`cycles.state_${state}`)}</ToneTag>;
}

export function ReviewStateTag({ state }: { state: ReviewState }) {
  const { t } = useTranslation();
  return <ToneTag tone={REVIEW_TONES[state]}>{t(`cycles.review_${state}`)}</ToneTag>;
}

export function WindowStateTag({ state }: { state: TWindowStatus['state'] }) {
  const { t } = useTranslation();
  return <ToneTag tone={WINDOW_TONES[state]}>{t(`cycles.windowState_${state}`)}</ToneTag>;
}

/** The stage a cycle is in now, or "between stages". */
export function CurrentWindowTag({ window }: { window: CycleWindow | null }) {
  const { t } = useTranslation();
  return window ? (
    <ToneTag tone="blue">{t(`cycles.window_${window}`)}</ToneTag>
  ) : (
    <ToneTag tone="default">{t('cycles.noWindow')}</ToneTag>
  );
}
