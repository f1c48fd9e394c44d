import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_WRONG_PINS } from '../../core/office/signing';
import type { SandboxState } from '../../core/office/state';
import { practiceFiles } from '../db/schema';
import { dbKinds } from '../testing/test-db';
import { readCandidatePins } from './candidate-pins';
import { loadSandbox } from './sandbox-store';
import { sendDraftToClerk } from './send-to-clerk';
import { signDraft } from './sign-draft';
import { createPracticeKit, type PracticeKit } from './testing';

const draftOf = (s: SandboxState, key: string) => s.documents.find((d) => d.key === key)!;

/** A PIN that is not `pin`: the same length, every digit shifted. */
const wrong = (pin: string) => pin.replace(/\d/g, (d) => String((Number(d) + 1) % 10));

describe.each(dbKinds())('signing PIN and the token lock (%s)', (kind) => {
  let kit: PracticeKit;
  let pins: Map<string, string>;

  beforeAll(async () => {
    kit = await createPracticeKit(kind, {
      candidates: 3,
      scenario: 'cantho-2022-quan',
      start: new Date().toISOString(),
    });
    pins = await readCandidatePins(kit.db, kit.box, kit.contestId);
  });
  afterAll(() => kit?.close());

  it('gives every candidate a six-digit PIN of their own', () => {
    expect([...pins.keys()].sort()).toEqual(kit.candidates.map((c) => c.id).sort());
    for (const pin of pins.values()) expect(pin).toMatch(/^\d{6}$/);
  });

  it(`locks the token after ${MAX_WRONG_PINS} wrong PINs; the right one is then refused and signs nothing`, async () => {
    const c = kit.candidates[0]!;
    let record = await loadSandbox(kit.db, c.attemptId);
    const documentId = draftOf(record.state, 'qd-to-cong-tac-cds').id;
    const results = [];
    for (let i = 0; i < MAX_WRONG_PINS; i++) {
      const r = await signDraft(kit.db, kit.box, {
        attemptId: c.attemptId,
        expectedSeq: record.seq,
        documentId,
        pin: wrong(pins.get(c.id)!),
        now: kit.clock.advance(10),
      });
      if (r.signed) throw new Error('a wrong PIN signed');
      results.push([r.attemptsLeft, r.locked]);
      record = await loadSandbox(kit.db, c.attemptId);
      expect(r.seq).toBe(record.seq);
    }
    expect(results).toEqual([
      [2, false],
      [1, false],
      [0, true],
    ]);
    const before = await loadSandbox(kit.db, c.attemptId);
    await expect(
      signDraft(kit.db, kit.box, {
        attemptId: c.attemptId,
        expectedSeq: before.seq,
        documentId,
        pin: pins.get(c.id)!,
        now: kit.clock.advance(10),
      }),
    ).rejects.toMatchObject({ code: 'account_locked' });
    const after = await loadSandbox(kit.db, c.attemptId);
    expect(after.seq).toBe(before.seq);
    expect(draftOf(after.state, 'qd-to-cong-tac-cds')).toMatchObject({ status: 'cho_ky', signatures: [] });
    const files = await kit.db.select().from(practiceFiles).where(eq(practiceFiles.attemptId, c.attemptId));
    expect(files.filter((f) => f.kind === 'signed')).toEqual([]);
  });

  it('resets the count on a right PIN, and refuses another candidate’s PIN', async () => {
    const [me, other] = kit.candidates as [PracticeKit['candidates'][0], PracticeKit['candidates'][0]];
    // Six random digits each: two candidates with the same PIN would make this test meaningless.
    expect(pins.get(me.id)).not.toBe(pins.get(other.id));
    const record = await loadSandbox(kit.db, other.attemptId);
    const documentId = draftOf(record.state, 'qd-to-cong-tac-cds').id;
    const miss = await signDraft(kit.db, kit.box, {
      attemptId: other.attemptId,
      expectedSeq: record.seq,
      documentId,
      pin: pins.get(me.id)!,
      now: kit.clock.advance(10),
    });
    expect(miss).toMatchObject({ signed: false, attemptsLeft: MAX_WRONG_PINS - 1, locked: false });
    const hit = await signDraft(kit.db, kit.box, {
      attemptId: other.attemptId,
      expectedSeq: miss.seq,
      documentId,
      pin: pins.get(other.id)!,
      now: kit.clock.advance(10),
    });
    if (!hit.signed) throw new Error('the right PIN was refused');
    expect(hit.state.token).toEqual({ wrongPins: 0, locked: false });
    expect(draftOf(hit.state, 'qd-to-cong-tac-cds')).toMatchObject({ status: 'da_ky' });
    // The signature is by this candidate's certificate: its UID names the số báo danh.
    expect(hit.verification.signatures[0]).toMatchObject({ signerUid: `SBD:${other.number}`, valid: true });
    // Signing it twice is refused before any signing work.
    await expect(
      signDraft(kit.db, kit.box, {
        attemptId: other.attemptId,
        expectedSeq: hit.seq,
        documentId,
        pin: pins.get(other.id)!,
        now: kit.clock.advance(10),
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('counts every wrong PIN it tests, also when guesses are sent at once with one sequence', async () => {
    const c = kit.candidates[2]!;
    const record = await loadSandbox(kit.db, c.attemptId);
    const documentId = draftOf(record.state, 'qd-to-cong-tac-cds').id;
    const guesses = ['000000', '111111', '222222', '333333', '444444'].filter((p) => p !== pins.get(c.id));
    const results = await Promise.allSettled(
      guesses.map((pin) =>
        signDraft(kit.db, kit.box, {
          attemptId: c.attemptId,
          expectedSeq: record.seq,
          documentId,
          pin,
          now: kit.clock.now,
        }),
      ),
    );
    // Each guess that was tested is counted, whatever the others did meanwhile; one that arrived after
    // the sandbox changed is refused as stale before its PIN is tested, and after the third the token
    // is locked. Without the retry, only the first of guesses sent with one sequence would count.
    const counted = results.filter((r) => r.status === 'fulfilled').length;
    for (const r of results) {
      if (r.status === 'rejected') {
        expect(['account_locked', 'conflict']).toContain(r.reason.code);
        if (r.reason.code === 'conflict')
          expect(r.reason.details).toMatchObject({ reason: 'stale_sequence' });
      }
    }
    expect(counted).toBeGreaterThanOrEqual(2);
    let after = await loadSandbox(kit.db, c.attemptId);
    expect(after.state.token.wrongPins).toBe(counted);
    while (!after.state.token.locked) {
      await signDraft(kit.db, kit.box, {
        attemptId: c.attemptId,
        expectedSeq: after.seq,
        documentId,
        pin: guesses[0]!,
        now: kit.clock.now,
      });
      after = await loadSandbox(kit.db, c.attemptId);
    }
    expect(after.state.token).toMatchObject({ wrongPins: MAX_WRONG_PINS, locked: true });
  });

  it('refuses to hand an unsigned draft to the văn thư', async () => {
    const c = kit.candidates[1]!;
    const record = await loadSandbox(kit.db, c.attemptId);
    const other = draftOf(record.state, 'cv-bao-cao-ky-so');
    await expect(
      sendDraftToClerk(kit.db, kit.box, {
        attemptId: c.attemptId,
        expectedSeq: record.seq,
        documentId: other.id,
        now: kit.clock.advance(10),
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect((await loadSandbox(kit.db, c.attemptId)).seq).toBe(record.seq);
  });
});
