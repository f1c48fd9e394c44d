/** One round trip to the server's clock: when we asked, when we got the answer, what the server said. */
export interface ClockSample {
  sentAt: number;
  receivedAt: number;
  serverNow: number;
}

/**
 * The server clock minus this PC's clock, from the sample with the shortest round trip (NTP's idea:
 * the shortest trip has the least queueing, so its midpoint is the best guess of when the server read
 * its clock). A PC whose clock is hours wrong still shows the right remaining time.
 */
export function clockOffset(samples: readonly ClockSample[]): number {
  if (samples.length === 0) throw new Error('no clock sample');
  let best = samples[0] as ClockSample;
  for (const s of samples) {
    if (s.receivedAt - s.sentAt < best.receivedAt - best.sentAt) best = s;
  }
  return best.serverNow - (best.sentAt + best.receivedAt) / 2;
}

/** Whole seconds left until the server deadline, never negative. */
export function secondsLeft(deadlineMs: number, localNowMs: number, offsetMs: number): number {
  return Math.max(0, Math.ceil((deadlineMs - (localNowMs + offsetMs)) / 1000));
}

/** "59:07", or "1:02:03" past an hour. */
export function formatCountdown(totalSeconds: number): string {
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
