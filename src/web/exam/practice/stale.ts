import type { TPracticeView } from '../../../contracts/practice';

/** The server refused a change made against an older state than it holds (another tab, an opened file). */
export function isStaleSequence(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { code, details } = e as { code?: unknown; details?: unknown };
  return code === 'conflict' && (details as { reason?: unknown } | undefined)?.reason === 'stale_sequence';
}

export type FreshOutcome<T> = { kind: 'done'; result: T } | { kind: 'stale'; view: TPracticeView };

/**
 * Sends a change with the sequence the page holds. When the server holds a newer state, the view is
 * reloaded; a change that means the same whatever happened meanwhile (`replay`: marking read, opening a
 * document) is sent once more with the new sequence, anything else comes back as `stale` with the new
 * view, for the candidate to look at and do again. Other refusals are thrown as they are.
 */
export async function sendFresh<T>(
  seq: number,
  send: (seq: number) => Promise<T>,
  reload: () => Promise<TPracticeView>,
  replay: boolean,
): Promise<FreshOutcome<T>> {
  try {
    return { kind: 'done', result: await send(seq) };
  } catch (e) {
    if (!isStaleSequence(e)) throw e;
  }
  const view = await reload();
  if (!replay || view.closed) return { kind: 'stale', view };
  try {
    return { kind: 'done', result: await send(view.seq) };
  } catch (e) {
    if (!isStaleSequence(e)) throw e;
    return { kind: 'stale', view: await reload() };
  }
}
