import { describe, expect, it } from 'vitest';
import { clockOffset, formatCountdown, secondsLeft } from './clock';

describe('clock offset', () => {
  it('uses the midpoint of the fastest round trip', () => {
    const twoHours = 2 * 3600_000;
    // The PC clock runs two hours ahead: the server's "now" is two hours behind the PC's.
    const samples = [
      { sentAt: 10_000 + twoHours, receivedAt: 10_900 + twoHours, serverNow: 10_100 },
      { sentAt: 20_000 + twoHours, receivedAt: 20_040 + twoHours, serverNow: 20_020 },
      { sentAt: 30_000 + twoHours, receivedAt: 30_500 + twoHours, serverNow: 30_400 },
    ];
    expect(clockOffset(samples)).toBe(-twoHours);
  });

  it('refuses to guess without a sample', () => {
    expect(() => clockOffset([])).toThrow();
  });
});

describe('remaining time', () => {
  it('counts from the server deadline whatever the PC clock says', () => {
    const deadline = 1_000_000;
    const offset = -7_200_000; // PC two hours ahead
    expect(secondsLeft(deadline, deadline - 60_000 - offset, offset)).toBe(60);
    expect(secondsLeft(deadline, deadline - 500 - offset, offset)).toBe(1);
    expect(secondsLeft(deadline, deadline + 5_000 - offset, offset)).toBe(0);
  });

  it('formats minutes and seconds, and hours past sixty minutes', () => {
    expect(formatCountdown(3547)).toBe('59:07');
    expect(formatCountdown(5)).toBe('00:05');
    expect(formatCountdown(3723)).toBe('1:02:03');
  });
});
