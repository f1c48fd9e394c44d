import { createHash } from 'node:crypto';

/** A stable digest of a full answer state, key order ignored (the server stores jsonb). */
export function stateDigest(answers: Record<string, string[]>, flagged: string[]): string {
  const sorted = Object.keys(answers)
    .sort()
    .map((k) => [k, [...answers[k]!].sort()]);
  return createHash('sha1')
    .update(JSON.stringify([sorted, [...flagged].sort()]))
    .digest('base64url');
}

/**
 * The generator's own record of what the server acknowledged, per candidate: the highest acked
 * sequence with the digest of its answers, and the digest of every sequence ever sent (a save whose
 * reply was lost may still have been stored).
 */
export class Ledger {
  ackedSeq = 0;
  ackedDigest: string | null = null;
  readonly sent = new Map<number, string>();
  finalisedBy: string | null = null;

  send(seq: number, digest: string): void {
    this.sent.set(seq, digest);
  }

  ack(seq: number, digest: string): void {
    if (seq > this.ackedSeq) {
      this.ackedSeq = seq;
      this.ackedDigest = digest;
    }
  }

  /** Compares with what the server holds; null when nothing acknowledged was lost. */
  check(server: { lastSeq: number; digest: string }): string | null {
    if (server.lastSeq < this.ackedSeq) return `lost: server seq ${server.lastSeq} < acked ${this.ackedSeq}`;
    if (server.lastSeq === this.ackedSeq) {
      if (this.ackedSeq > 0 && server.digest !== this.ackedDigest)
        return `answers differ at acked seq ${server.lastSeq}`;
      return null;
    }
    const sent = this.sent.get(server.lastSeq);
    if (!sent) return `server seq ${server.lastSeq} was never sent`;
    if (sent !== server.digest) return `answers differ at unacknowledged seq ${server.lastSeq}`;
    return null;
  }
}
