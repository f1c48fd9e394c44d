import { describe, expect, it } from 'vitest';
import {
  acceptsSaveAt,
  attemptDeadline,
  isDue,
  pausedSecondsSoFar,
  remainingSeconds,
  saveRefusal,
} from './timing';

const start = new Date('2026-06-24T01:00:00.000Z'); // 08:00 in Cần Thơ
const at = (minutes: number, seconds = 0) => new Date(start.getTime() + (minutes * 60 + seconds) * 1000);
const base = {
  sessionStartedAt: start,
  durationMinutes: 60,
  sessionExtraSeconds: 0,
  candidateExtraSeconds: 0,
  pausedSeconds: 0,
};

describe('attemptDeadline', () => {
  it('is the session start plus the duration', () => {
    expect(attemptDeadline(base).toISOString()).toBe('2026-06-24T02:00:00.000Z');
    expect(attemptDeadline({ ...base, sessionStartedAt: start.getTime() })).toEqual(attemptDeadline(base));
  });

  it('adds session extension, accommodation and pauses', () => {
    const d = attemptDeadline({
      ...base,
      sessionExtraSeconds: 300,
      candidateExtraSeconds: 600,
      pausedSeconds: 90,
    });
    expect(d).toEqual(at(75, 90));
  });

  it('refuses non-finite input', () => {
    expect(() => attemptDeadline({ ...base, pausedSeconds: Number.NaN })).toThrow(RangeError);
  });
});

describe('pauses', () => {
  it('freezes the remaining time while the session is paused', () => {
    const pausedAt = at(20);
    const remainingAt = (now: Date) =>
      remainingSeconds(
        attemptDeadline({ ...base, pausedSeconds: pausedSecondsSoFar(0, pausedAt, now) }),
        now,
      );
    expect(remainingAt(at(20))).toBe(40 * 60);
    expect(remainingAt(at(25))).toBe(40 * 60);
    expect(remainingAt(at(33, 17))).toBe(40 * 60);
  });

  it('counts finished pauses after the resume', () => {
    const paused = pausedSecondsSoFar(120, null, at(30));
    expect(paused).toBe(120);
    expect(remainingSeconds(attemptDeadline({ ...base, pausedSeconds: paused }), at(30))).toBe(32 * 60);
  });
});

describe('remainingSeconds', () => {
  it('rounds up and never goes below zero', () => {
    const deadline = at(60);
    expect(remainingSeconds(deadline, at(59, 59.2))).toBe(1);
    expect(remainingSeconds(deadline, deadline)).toBe(0);
    expect(remainingSeconds(deadline, at(70))).toBe(0);
  });
});

describe('saves and automatic finalisation', () => {
  const deadline = at(60);
  it('accepts saves until the deadline plus the grace, not after', () => {
    expect(acceptsSaveAt(deadline, 60, at(59), 'running')).toBe(true);
    expect(acceptsSaveAt(deadline, 60, at(61), 'running')).toBe(true);
    expect(acceptsSaveAt(deadline, 60, at(61, 1), 'running')).toBe(false);
    expect(acceptsSaveAt(deadline, 0, at(60, 1), 'running')).toBe(false);
  });

  it('accepts saves while paused, refuses before the start and after the proctor ends the session', () => {
    expect(acceptsSaveAt(deadline, 60, at(30), 'paused')).toBe(true);
    expect(saveRefusal(deadline, 60, at(-1), 'scheduled')?.code).toBe('exam_not_started');
    const ended = saveRefusal(deadline, 60, at(30), 'ended');
    expect(ended?.code).toBe('attempt_closed');
    expect(ended?.message).toContain('kết thúc');
    expect(saveRefusal(deadline, 60, at(62), 'running')?.message).toContain('hết giờ');
  });

  it('lets an accommodation extend the save window', () => {
    const longer = attemptDeadline({ ...base, candidateExtraSeconds: 900 });
    expect(acceptsSaveAt(longer, 60, at(70), 'running')).toBe(true);
    expect(acceptsSaveAt(deadline, 60, at(70), 'running')).toBe(false);
  });

  it('is due only once the grace is over', () => {
    expect(isDue(deadline, 60, at(60, 30))).toBe(false);
    expect(isDue(deadline, 60, at(61))).toBe(false);
    expect(isDue(deadline, 60, at(61, 1))).toBe(true);
  });
});
