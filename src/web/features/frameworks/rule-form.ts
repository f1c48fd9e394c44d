import type { TRule } from '../../../contracts/frameworks';

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/**
 * The rule as the form holds it (cleared optional numbers are null, rows may be half filled) turned into
 * the document's shape; null while the type is not chosen.
 */
// biome-ignore lint/suspicious/noExplicitAny: the form's raw values have no useful static type
export function ruleFromForm(raw: any): TRule | null {
  if (!raw?.type) return null;
  switch (raw.type as TRule['type']) {
    case 'ratio':
      return {
        type: 'ratio',
        whenDenominatorZero: raw.whenDenominatorZero ?? 'zero',
        ...(isNum(raw.target) ? { target: raw.target } : {}),
        ...(isNum(raw.cap) ? { cap: raw.cap } : {}),
      };
    case 'steps':
      return {
        type: 'steps',
        steps: (raw.steps ?? [])
          .filter((s: { min?: unknown; points?: unknown }) => s && isNum(s.min) && isNum(s.points))
          .map((s: { min: number; points: number }) => ({ min: s.min, points: s.points })),
      };
    case 'option':
      return {
        type: 'option',
        ...(raw.multiple ? { multiple: true } : {}),
        options: (raw.options ?? [])
          .filter((o: { code?: unknown }) => o && text(o.code))
          .map((o: { code: string; label?: string; points?: unknown; fraction?: unknown }) => ({
            code: text(o.code),
            label: text(o.label) || text(o.code),
            ...(isNum(o.points) ? { points: o.points } : {}),
            ...(isNum(o.fraction) ? { fraction: o.fraction } : {}),
          })),
      };
    case 'count':
      return {
        type: 'count',
        cap: isNum(raw.cap) ? raw.cap : 0,
        ...(isNum(raw.pointsEach) ? { pointsEach: raw.pointsEach } : {}),
      };
    case 'linear':
      return {
        type: 'linear',
        worst: isNum(raw.worst) ? raw.worst : 0,
        best: isNum(raw.best) ? raw.best : 0,
      };
    case 'expression':
      return {
        type: 'expression',
        inputs: (raw.inputs ?? [])
          .filter((i: { code?: unknown }) => i && text(i.code))
          .map((i: { code: string; label?: string }) => ({
            code: text(i.code),
            label: text(i.label) || text(i.code),
          })),
        formula: text(raw.formula),
      };
    case 'yes_no':
      return { type: 'yes_no' };
    case 'manual':
      return { type: 'manual' };
    default:
      return null;
  }
}
