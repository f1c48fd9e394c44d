import { Tag } from 'antd';
import type { TEntryView, TUnitForm } from '../../../../contracts/cycles';
import { useFormText } from './text';

// Dark text on light backgrounds (WCAG AA).
const TONES = {
  grey: { background: '#f5f5f5', color: 'rgba(0, 0, 0, 0.78)', borderColor: '#d9d9d9' },
  blue: { background: '#e6f4ff', color: '#002c8c', borderColor: '#91caff' },
  green: { background: '#f6ffed', color: '#135200', borderColor: '#b7eb8f' },
  orange: { background: '#fff7e6', color: '#612500', borderColor: '#ffd591' },
  purple: { background: '#f9f0ff', color: '#391085', borderColor: '#d3adf7' },
} as const;
type Tone = keyof typeof TONES;

const ENTRY_TONE: Record<TEntryView['status'], Tone> = {
  not_started: 'grey',
  in_progress: 'blue',
  needs_evidence: 'orange',
  done: 'green',
};
const UNIT_TONE: Record<TUnitForm['state'], Tone> = {
  draft: 'grey',
  submitted: 'blue',
  under_review: 'purple',
  returned: 'orange',
  reviewed: 'green',
  approved: 'green',
  published: 'green',
};
const REVIEW_TONE: Record<NonNullable<TEntryView['review']>, Tone> = {
  pending: 'blue',
  agreed: 'green',
  adjusted: 'purple',
  requested: 'orange',
  answered: 'blue',
};

function ToneTag({ tone, children, testId }: { tone: Tone; children: string; testId?: string }) {
  return (
    <Tag style={{ ...TONES[tone], marginInlineEnd: 0, whiteSpace: 'normal' }} data-testid={testId}>
      {children}
    </Tag>
  );
}

export function EntryStatusTag({ status, code }: { status: TEntryView['status']; code: string }) {
  const { ft } = useFormText();
  return (
    <ToneTag tone={ENTRY_TONE[status]} testId={`status-${code}`}>
      {ft(`entryStatus_${status}`)}
    </ToneTag>
  );
}

export function UnitStateTag({ state }: { state: TUnitForm['state'] }) {
  const { ft } = useFormText();
  return (
    <ToneTag tone={UNIT_TONE[state]} testId="unit-state">
      {ft(`unitState_${state}`)}
    </ToneTag>
  );
}

export function ReviewTag({ review }: { review: NonNullable<TEntryView['review']> }) {
  const { ft } = useFormText();
  return (
    <ToneTag tone={REVIEW_TONE[review]}>{`${ft('reviewState')}: ${ft(`reviewState_${review}`)}`}</ToneTag>
  );
}
