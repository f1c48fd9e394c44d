import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxState } from '../../core/office/state';
import { attempts, examSessions, practiceFiles } from '../db/schema';
import { dbKinds } from '../testing/test-db';
import { applyAction } from './apply-action';
import { readCandidatePins } from './candidate-pins';
import { readSandboxFile } from './read-sandbox-file';
import { loadSandbox } from './sandbox-store';
import { seedPracticeSandbox } from './seed-practice-sandbox';
import { sendDraftToClerk } from './send-to-clerk';
import { signDraft } from './sign-draft';
import { storeUpload } from './store-upload';
import { createPracticeKit, type PracticeKit } from './testing';

const seedMail = (s: SandboxState, key: string) => s.mails.find((m) => m.seedKey === key)!;
const filesOf = (kit: PracticeKit, attemptId: string) =>
  kit.db.select().from(practiceFiles).where(eq(practiceFiles.attemptId, attemptId));

describe.each(dbKinds())('changing a sandbox: sequence, window and isolation (%s)', (kind) => {
  let kit: PracticeKit;
  let a: PracticeKit['candidates'][number];
  let b: PracticeKit['candidates'][number];

  beforeAll(async () => {
    kit = await createPracticeKit(kind, {
      candidates: 3,
      scenario: 'cantho-2022-quan',
      start: new Date().toISOString(),
    });
    a = kit.candidates[0]!;
    b = kit.candidates[1]!;
  });
  afterAll(() => kit?.close());

  it('seeds once: seeding the attempt again returns the sandbox it has', async () => {
    const before = await loadSandbox(kit.db, a.attemptId);
    const again = await seedPracticeSandbox(kit.db, {
      attemptId: a.attemptId,
      scenarioCode: 'cantho-2023-phuong',
      now: kit.clock.now,
    });
    expect(again).toMatchObject({ created: false, seq: before.seq });
    expect(again.state.scenarioCode).toBe('cantho-2022-quan');
  });

  it('applies an action at the current sequence and refuses a stale one, changing nothing', async () => {
    const start = await loadSandbox(kit.db, a.attemptId);
    const mail = seedMail(start.state, 'thu-ke-hoach');
    const first = await applyAction(kit.db, {
      attemptId: a.attemptId,
      expectedSeq: start.seq,
      action: { type: 'mark_read', mailId: mail.id, read: true },
      now: kit.clock.advance(5),
    });
    expect(first).toMatchObject({ changed: true, seq: start.seq + 1 });
    const held = await loadSandbox(kit.db, a.attemptId);
    // A second tab still showing the old sequence tries to report the mail as phishing.
    await expect(
      applyAction(kit.db, {
        attemptId: a.attemptId,
        expectedSeq: start.seq,
        action: { type: 'report_phishing', mailId: mail.id },
        now: kit.clock.advance(5),
      }),
    ).rejects.toMatchObject({ code: 'conflict', details: { reason: 'stale_sequence', seq: held.seq } });
    const after = await loadSandbox(kit.db, a.attemptId);
    expect(after.seq).toBe(held.seq);
    expect(after.state).toEqual(held.state);
    // Signing and the văn thư check the sequence too, before any PIN or PDF work.
    const pin = (await readCandidatePins(kit.db, kit.box, kit.contestId)).get(a.id)!;
    const draft = after.state.documents.find((d) => d.key === 'qd-to-cong-tac-cds')!;
    const stale = {
      attemptId: a.attemptId,
      expectedSeq: start.seq,
      documentId: draft.id,
      now: kit.clock.now,
    };
    await expect(signDraft(kit.db, kit.box, { ...stale, pin })).rejects.toMatchObject({ code: 'conflict' });
    await expect(sendDraftToClerk(kit.db, kit.box, stale)).rejects.toMatchObject({ code: 'conflict' });
    expect(await loadSandbox(kit.db, a.attemptId)).toMatchObject({ seq: held.seq, state: held.state });
    // An action that changes nothing writes nothing.
    const same = await applyAction(kit.db, {
      attemptId: a.attemptId,
      expectedSeq: held.seq,
      action: { type: 'mark_read', mailId: mail.id, read: true },
      now: kit.clock.advance(5),
    });
    expect(same).toMatchObject({ changed: false, seq: held.seq });
    // Two requests naming the same sequence at once: both pass the first check, one is stored.
    const race = await Promise.allSettled(
      (['move_to_trash', 'report_phishing'] as const).map((type) =>
        applyAction(kit.db, {
          attemptId: a.attemptId,
          expectedSeq: held.seq,
          action: { type, mailId: mail.id },
          now: kit.clock.now,
        }),
      ),
    );
    expect(race.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await loadSandbox(kit.db, a.attemptId)).seq).toBe(held.seq + 1);
  });

  it('keeps one attempt out of another’s sandbox and files', async () => {
    const mine = await loadSandbox(kit.db, a.attemptId);
    const theirs = await loadSandbox(kit.db, b.attemptId);
    // B's upload cannot be attached by A.
    const upload = await storeUpload(kit.db, {
      attemptId: b.attemptId,
      fileName: 'bao-cao.txt',
      mediaType: 'text/plain',
      data: Buffer.from('Báo cáo của thí sinh B'),
      now: kit.clock.advance(5),
    });
    await expect(
      applyAction(kit.db, {
        attemptId: a.attemptId,
        expectedSeq: mine.seq,
        action: {
          type: 'send_mail',
          input: {
            to: ['phongvhtt.ninhkieu@cantho.gov.vn'],
            subject: 'Báo cáo',
            body: 'Gửi kèm',
            attachments: [{ upload: { ref: upload.ref, fileName: 'bao-cao.txt', mediaType: 'text/plain' } }],
          },
        },
        now: kit.clock.advance(5),
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    // B's files cannot be read through A: neither a document nor an attachment of B's mails.
    const theirDocument = theirs.state.documents[0]!.fileId;
    const theirAttachment = seedMail(theirs.state, 'thu-ke-hoach').attachments[0]!.fileId;
    for (const fileId of [theirDocument, theirAttachment, upload.ref]) {
      await expect(readSandboxFile(kit.db, a.attemptId, fileId)).rejects.toMatchObject({ code: 'not_found' });
    }
    // B's mail and document ids mean nothing in A's sandbox.
    await expect(
      applyAction(kit.db, {
        attemptId: a.attemptId,
        expectedSeq: mine.seq,
        action: { type: 'report_phishing', mailId: seedMail(theirs.state, 'thu-ke-hoach').id },
        now: kit.clock.advance(5),
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      applyAction(kit.db, {
        attemptId: a.attemptId,
        expectedSeq: mine.seq,
        action: { type: 'open_document', documentId: theirs.state.documents[0]!.id },
        now: kit.clock.advance(5),
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect((await loadSandbox(kit.db, a.attemptId)).seq).toBe(mine.seq);
    expect((await loadSandbox(kit.db, b.attemptId)).seq).toBe(theirs.seq);
    // Each attempt's files are its own rows: ids are per attempt.
    const aKeys = new Set((await filesOf(kit, a.attemptId)).map((f) => f.key));
    expect((await filesOf(kit, b.attemptId)).some((f) => aKeys.has(f.key))).toBe(false);
    // A's own download works, and only for files A can see.
    const myAttachment = seedMail(mine.state, 'thu-ke-hoach').attachments[0]!;
    expect((await readSandboxFile(kit.db, a.attemptId, myAttachment.fileId)).fileName).toBe(
      myAttachment.fileName,
    );
  });

  it('refuses changes while the session is paused and after the attempt is finalised', async () => {
    const c = kit.candidates[2]!;
    const record = await loadSandbox(kit.db, c.attemptId);
    const action = {
      type: 'mark_read' as const,
      mailId: seedMail(record.state, 'thu-ke-hoach').id,
      read: true,
    };
    await kit.db
      .update(examSessions)
      .set({ status: 'paused', pausedAt: kit.clock.now })
      .where(eq(examSessions.id, kit.sessionId));
    await expect(
      applyAction(kit.db, {
        attemptId: c.attemptId,
        expectedSeq: record.seq,
        action,
        now: kit.clock.advance(5),
      }),
    ).rejects.toMatchObject({ code: 'exam_paused' });
    await kit.db
      .update(examSessions)
      .set({ status: 'running', pausedAt: null })
      .where(eq(examSessions.id, kit.sessionId));
    // Past the deadline and its grace.
    const [attempt] = await kit.db.select().from(attempts).where(eq(attempts.id, c.attemptId));
    const late = new Date(attempt!.deadlineAt!.getTime() + 3600_000);
    await expect(
      applyAction(kit.db, { attemptId: c.attemptId, expectedSeq: record.seq, action, now: late }),
    ).rejects.toMatchObject({ code: 'attempt_closed' });
    await kit.db
      .update(attempts)
      .set({ status: 'finalised', finalisedAt: kit.clock.now, finalisedBy: 'candidate' })
      .where(eq(attempts.id, c.attemptId));
    await expect(
      applyAction(kit.db, {
        attemptId: c.attemptId,
        expectedSeq: record.seq,
        action,
        now: kit.clock.advance(5),
      }),
    ).rejects.toMatchObject({ code: 'attempt_closed' });
    expect((await loadSandbox(kit.db, c.attemptId)).seq).toBe(record.seq);
  });
});
