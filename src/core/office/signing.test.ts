import { describe, expect, it } from 'vitest';
import { sendToClerk } from './clerk';
import { seedSandbox } from './sandbox';
import { MAX_WRONG_PINS, pinAttemptsLeft, recordPinAttempt, recordSignature } from './signing';
import type { OutgoingDocument, SandboxState } from './state';
import { miniScenario, testClock } from './test-fixtures';

const clock = testClock('2022-09-15T00:30:00Z');
const seeded = seedSandbox(miniScenario(), {
  candidate: { name: 'Trần Văn An', email: 'an@nk.vn' },
  ...clock.next(),
});
const qd = seeded.documents.find((d) => d.key === 'qd')!.id;
const doc = (s: SandboxState, id = qd) => s.documents.find((d) => d.id === id) as OutgoingDocument;

describe('PIN attempts', () => {
  it('locks the token on the third wrong PIN in a row, for the rest of the attempt', () => {
    expect(MAX_WRONG_PINS).toBe(3);
    let state = recordPinAttempt(seeded, false, clock.next());
    state = recordPinAttempt(state, false, clock.next());
    expect(pinAttemptsLeft(state)).toBe(1);
    state = recordPinAttempt(state, false, clock.next());
    expect(state.token).toMatchObject({ wrongPins: 3, locked: true, lockedAt: expect.any(String) });
    expect(pinAttemptsLeft(state)).toBe(0);
    expect(() => recordPinAttempt(state, true, clock.next())).toThrow(
      expect.objectContaining({ code: 'account_locked' }),
    );
    expect(() => recordSignature(state, qd, { valid: true }, clock.next())).toThrow(/bị khóa/);
  });

  it('a right PIN resets the count of wrong ones', () => {
    let state = recordPinAttempt(recordPinAttempt(seeded, false, clock.next()), false, clock.next());
    state = recordPinAttempt(state, true, clock.next());
    state = recordPinAttempt(recordPinAttempt(state, false, clock.next()), false, clock.next());
    expect(state.token).toEqual({ wrongPins: 2, locked: false });
    expect(state.events.slice(1).map((e) => e.type)).toEqual([
      'pin_rejected',
      'pin_rejected',
      'pin_accepted',
      'pin_rejected',
      'pin_rejected',
    ]);
  });
});

describe('recordSignature', () => {
  it('records the candidate signature and moves the draft to "đã ký"', () => {
    const state = recordSignature(
      seeded,
      qd,
      { valid: true, certificateSerial: '0A1B', fileRef: 'r1' },
      clock.next(),
    );
    expect(doc(state)).toMatchObject({
      status: 'da_ky',
      signatures: [{ by: 'candidate', signerName: 'Trần Văn An', certificateSerial: '0A1B' }],
    });
    expect(doc(state).history.at(-1)).toMatchObject({ action: 'ky_so', actor: 'candidate' });
    expect(() => recordSignature(state, qd, { valid: true }, clock.next())).toThrow(/đã được ký/);
  });

  it('refuses an invalid signature and an incoming document', () => {
    expect(() => recordSignature(seeded, qd, { valid: false }, clock.next())).toThrow(/không hợp lệ/);
    const incoming = seeded.documents.find((d) => d.direction === 'incoming')!.id;
    expect(() => recordSignature(seeded, incoming, { valid: true }, clock.next())).toThrow(/văn bản đi/);
  });

  it('a document cannot go to the văn thư before it is signed', () => {
    expect(() => sendToClerk(seeded, qd, clock.next())).toThrow(/chưa được ký số/);
  });
});
