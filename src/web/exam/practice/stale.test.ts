import { describe, expect, it } from 'vitest';
import { isStaleSequence, sendFresh } from './stale';
import { practiceView } from './view-fixture';

const stale = { code: 'conflict', details: { reason: 'stale_sequence', seq: 3 } };

/** A fake server: refuses every sequence but `current` as stale, records what it was sent. */
function server(current: number, opts: { closed?: boolean; bumpOnReload?: boolean } = {}) {
  const sent: number[] = [];
  let seq = current;
  let reloads = 0;
  return {
    sent,
    reloads: () => reloads,
    send: async (s: number) => {
      sent.push(s);
      if (s !== seq) throw stale;
      return `ok@${s}`;
    },
    reload: async () => {
      reloads += 1;
      const view = practiceView({ seq, closed: opts.closed ?? false });
      // Something else changes the sandbox once more right after the first reload.
      if (opts.bumpOnReload && reloads === 1) seq += 1;
      return view;
    },
  };
}

describe('stale sequence', () => {
  it('recognises only the conflict the server gives a stale sequence', () => {
    expect(isStaleSequence(stale)).toBe(true);
    expect(isStaleSequence({ code: 'conflict', details: { reason: 'other' } })).toBe(false);
    expect(isStaleSequence({ code: 'validation_failed' })).toBe(false);
    expect(isStaleSequence(null)).toBe(false);
  });

  it('sends once when the sequence is current', async () => {
    const s = server(3);
    expect(await sendFresh(3, s.send, s.reload, false)).toEqual({ kind: 'done', result: 'ok@3' });
    expect(s.sent).toEqual([3]);
    expect(s.reloads()).toBe(0);
  });

  it('reloads and hands back the new view, without sending again, for a change the candidate made', async () => {
    const s = server(5);
    const r = await sendFresh(3, s.send, s.reload, false);
    expect(r.kind).toBe('stale');
    expect(r.kind === 'stale' && r.view.seq).toBe(5);
    expect(s.sent).toEqual([3]);
  });

  it('sends a replayable change once more with the new sequence', async () => {
    const s = server(5);
    expect(await sendFresh(3, s.send, s.reload, true)).toEqual({ kind: 'done', result: 'ok@5' });
    expect(s.sent).toEqual([3, 5]);
  });

  it('gives up after one replay that is stale again', async () => {
    const s = server(5, { bumpOnReload: true });
    const r = await sendFresh(3, s.send, s.reload, true);
    expect(r.kind).toBe('stale');
    expect(s.sent).toEqual([3, 5]);
    expect(r.kind === 'stale' && r.view.seq).toBe(6);
  });

  it('does not replay into a closed attempt', async () => {
    const s = server(5, { closed: true });
    const r = await sendFresh(3, s.send, s.reload, true);
    expect(r.kind).toBe('stale');
    expect(s.sent).toEqual([3]);
  });

  it('passes any other refusal on unchanged', async () => {
    const refusal = { code: 'attempt_closed' };
    const send = async () => {
      throw refusal;
    };
    await expect(sendFresh(3, send, async () => practiceView(), true)).rejects.toBe(refusal);
  });
});
