import { describe, expect, it } from 'vitest';
import { AnswerSync, type KeyValueStore, type SaveRequest, type SendResult } from './answer-sync';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

/** A fake server that applies a save only when its sequence is newer, as the real one does. */
function fakeServer() {
  const server = {
    lastSeq: 0,
    answers: {} as Record<string, string[]>,
    online: true,
    received: [] as number[],
  };
  const send = async (save: SaveRequest): Promise<SendResult> => {
    if (!server.online) throw new Error('network down');
    server.received.push(save.seq);
    if (save.seq > server.lastSeq) {
      server.lastSeq = save.seq;
      server.answers = save.answers;
    }
    return { ok: true, ackSeq: save.seq };
  };
  return { server, send };
}

const start = { attemptId: 'a1', lastSeq: 0, answers: {}, flagged: [] };

describe('answer sync', () => {
  it('saves each change and reports saved once acknowledged', async () => {
    const { server, send } = fakeServer();
    const statuses: string[] = [];
    const sync = new AnswerSync(start, { store: memoryStore(), send, onStatus: (s) => statuses.push(s) });
    sync.change({ q1: ['b'] }, []);
    await sync.flush();
    expect(server.answers).toEqual({ q1: ['b'] });
    expect(sync.status).toBe('saved');
    expect(statuses[0]).toBe('pending');
  });

  it('keeps changes made offline and sends the latest state when the network returns', async () => {
    const { server, send } = fakeServer();
    const timers: (() => void)[] = [];
    const store = memoryStore();
    const sync = new AnswerSync(start, {
      store,
      send,
      onStatus: () => {},
      schedule: (fn) => timers.push(fn),
    });
    server.online = false;
    sync.change({ q1: ['a'] }, []);
    await Promise.resolve();
    sync.change({ q1: ['a'], q2: ['c'] }, ['q2']);
    await sync.flush();
    expect(sync.status).toBe('offline');
    expect(JSON.parse(store.data.get('thuocdo.exam.a1') ?? '{}').answers).toEqual({ q1: ['a'], q2: ['c'] });

    server.online = true;
    for (const retry of timers.splice(0)) retry();
    await sync.flush();
    expect(server.answers).toEqual({ q1: ['a'], q2: ['c'] });
    expect(server.lastSeq).toBe(2);
    expect(sync.status).toBe('saved');
  });

  it('after a reload, unsent local changes win over the older server state', async () => {
    const store = memoryStore();
    const { server, send } = fakeServer();
    server.online = false;
    const first = new AnswerSync(start, { store, send, onStatus: () => {}, schedule: () => {} });
    first.change({ q1: ['d'] }, []);
    await first.flush();

    server.online = true;
    const reloaded = new AnswerSync(start, { store, send, onStatus: () => {} });
    expect(reloaded.current.answers).toEqual({ q1: ['d'] });
    await reloaded.flush();
    expect(server.answers).toEqual({ q1: ['d'] });
  });

  it('on another PC, the server state (newer than the local copy) is taken', () => {
    const store = memoryStore();
    store.setItem(
      'thuocdo.exam.a1',
      JSON.stringify({ attemptId: 'a1', seq: 3, ackedSeq: 3, answers: { q1: ['a'] }, flagged: [] }),
    );
    const sync = new AnswerSync(
      { attemptId: 'a1', lastSeq: 9, answers: { q1: ['c'] }, flagged: ['q1'] },
      { store, send: fakeServer().send, onStatus: () => {} },
    );
    expect(sync.current.answers).toEqual({ q1: ['c'] });
    sync.change({ q1: ['b'] }, []);
    expect(sync.current.seq).toBe(10);
  });

  it('stops sending once the server closes the attempt', async () => {
    let calls = 0;
    const sync = new AnswerSync(start, {
      store: memoryStore(),
      send: async () => {
        calls++;
        return { ok: false, closed: true };
      },
      onStatus: () => {},
    });
    sync.change({ q1: ['a'] }, []);
    await sync.flush();
    sync.change({ q1: ['b'] }, []);
    await sync.flush();
    expect(sync.status).toBe('closed');
    expect(calls).toBe(1);
  });
});
