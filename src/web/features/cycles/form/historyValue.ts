import { formatDate } from '../../../ui/dates';
import { formatInstant, formatPoints } from './format';

export interface ValueContext {
  lang: string;
  yes: string;
  no: string;
  /** A staff member's name from the form, for assignee ids. */
  person: (id: string) => string | undefined;
  /** The label of a review state. */
  review: (state: string) => string | undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function evidenceText(e: Record<string, unknown>, ctx: ValueContext): string {
  const date = typeof e.docDate === 'string' ? formatDate(e.docDate) : '';
  const file = e.file as { filename?: unknown } | null | undefined;
  const where = typeof file?.filename === 'string' ? file.filename : typeof e.url === 'string' ? e.url : '';
  const head = [e.docNumber, date].filter(Boolean).join(', ');
  return [head, e.summary, where]
    .filter(Boolean)
    .map((x) => show('', x, ctx))
    .join(' – ');
}

/**
 * A value of the history as officials read it: comma decimals, yes/no, dates dd/mm/yyyy, people and review
 * states by name, an evidence entry by number, date and summary, the figures as "a: 7; b: 10".
 */
export function show(field: string, v: unknown, ctx: ValueContext): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'number') return formatPoints(v, ctx.lang);
  if (typeof v === 'boolean') return v ? ctx.yes : ctx.no;
  if (typeof v === 'string') {
    if (field === 'assigneeId') return ctx.person(v) ?? v;
    if (field === 'review') return ctx.review(v) ?? v;
    if (ISO_DATE.test(v)) return formatDate(v);
    if (ISO_INSTANT.test(v)) return formatInstant(v);
    return v;
  }
  if (Array.isArray(v)) return v.map((x) => show('', x, ctx)).join(', ');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (field === 'evidence' || 'docNumber' in o) return evidenceText(o, ctx);
    return Object.entries(o)
      .map(([k, x]) => `${k}: ${show(k, x, ctx)}`)
      .join('; ');
  }
  return String(v);
}
