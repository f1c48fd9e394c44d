/** The candidate's answers as last changed on this PC. Every save carries the whole state. */
export interface AnswerState {
  attemptId: string;
  /** Sequence of the latest change; the server applies a save only if it is newer than what it has. */
  seq: number;
  /** Highest sequence the server acknowledged. */
  ackedSeq: number;
  answers: Record<string, string[]>;
  flagged: string[];
}

export type SaveStatus = 'saved' | 'pending' | 'offline' | 'closed';

export interface SaveRequest {
  seq: number;
  answers: Record<string, string[]>;
  flagged: string[];
}

/** `closed`: the server will never take this save (attempt finalised or login revoked). */
export type SendResult = { ok: true; ackSeq: number } | { ok: false; closed: boolean };

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface AnswerSyncOptions {
  store: KeyValueStore;
  send: (save: SaveRequest) => Promise<SendResult>;
  onStatus: (status: SaveStatus, state: AnswerState) => void;
  schedule?: (fn: () => void, ms: number) => unknown;
}

const RETRY_MS = [1000, 2000, 5000, 10_000];
const storageKey = (attemptId: string) => `thuocdo.exam.${attemptId}`;

/**
 * Keeps the answers in the browser's storage and pushes them to the server until acknowledged,
 * retrying while offline. The browser copy survives a reload; the server copy survives a PC change.
 */
export class AnswerSync {
  private state: AnswerState;
  private inFlight = false;
  private failures = 0;
  private retryTimer = false;
  private closed = false;

  constructor(
    server: { attemptId: string; lastSeq: number; answers: Record<string, string[]>; flagged: string[] },
    private readonly options: AnswerSyncOptions,
  ) {
    const local = readLocal(options.store, server.attemptId);
    // Local changes the server has not seen (made offline, or lost in a reload) win; otherwise the
    // server's state, which may come from another PC, is the truth.
    this.state =
      local && local.seq > server.lastSeq
        ? { ...local, ackedSeq: Math.min(local.ackedSeq, server.lastSeq) }
        : {
            attemptId: server.attemptId,
            seq: server.lastSeq,
            ackedSeq: server.lastSeq,
            answers: server.answers,
            flagged: server.flagged,
          };
    this.persist();
  }

  get current(): AnswerState {
    return this.state;
  }

  get status(): SaveStatus {
    if (this.closed) return 'closed';
    if (this.state.seq <= this.state.ackedSeq) return 'saved';
    return this.failures > 0 ? 'offline' : 'pending';
  }

  /** Records a change locally at once, then saves it. */
  change(answers: Record<string, string[]>, flagged: string[]): void {
    if (this.closed) return;
    this.state = { ...this.state, seq: this.state.seq + 1, answers, flagged };
    this.persist();
    this.emit();
    void this.flush();
  }

  /** Sends the latest state if the server has not acknowledged it; resolves when nothing is left. */
  async flush(): Promise<void> {
    if (this.inFlight || this.closed || this.state.seq <= this.state.ackedSeq) return;
    this.inFlight = true;
    const sent = this.state;
    let result: SendResult;
    try {
      result = await this.options.send({ seq: sent.seq, answers: sent.answers, flagged: sent.flagged });
    } catch {
      result = { ok: false, closed: false };
    }
    this.inFlight = false;
    if (result.ok) {
      this.failures = 0;
      this.state = { ...this.state, ackedSeq: Math.max(this.state.ackedSeq, result.ackSeq) };
      this.persist();
      this.emit();
      return this.flush();
    }
    if (result.closed) {
      this.closed = true;
      this.emit();
      return;
    }
    this.failures++;
    this.emit();
    this.retryLater();
  }

  private retryLater(): void {
    if (this.retryTimer) return;
    this.retryTimer = true;
    const delay = RETRY_MS[Math.min(this.failures - 1, RETRY_MS.length - 1)] ?? 10_000;
    const schedule = this.options.schedule ?? ((fn, ms) => setTimeout(fn, ms));
    schedule(() => {
      this.retryTimer = false;
      void this.flush();
    }, delay);
  }

  private persist(): void {
    try {
      this.options.store.setItem(storageKey(this.state.attemptId), JSON.stringify(this.state));
    } catch {
      // storage full or disabled: the server copy is still saved on every acknowledged change
    }
  }

  private emit(): void {
    this.options.onStatus(this.status, this.state);
  }
}

function readLocal(store: KeyValueStore, attemptId: string): AnswerState | null {
  try {
    const raw = store.getItem(storageKey(attemptId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as AnswerState;
    return parsed.attemptId === attemptId && Number.isInteger(parsed.seq) ? parsed : null;
  } catch {
    return null;
  }
}
