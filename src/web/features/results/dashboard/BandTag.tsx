import { type Tone, ToneTag } from '../../proctor/ToneTag';

const TONES: Tone[] = ['green', 'blue', 'gold', 'orange', 'red'];

/** A band label as a tag, toned by the band's place from the best (bands come best first). */
export function BandTag({ band, bands }: { band: string | null; bands: readonly { label: string }[] }) {
  if (!band) return <span>—</span>;
  const i = bands.findIndex((b) => b.label === band);
  return (
    <ToneTag tone={i < 0 ? 'default' : (TONES[Math.min(i, TONES.length - 1)] ?? 'default')}>{band}</ToneTag>
  );
}
