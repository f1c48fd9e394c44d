import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPracticeView } from '../../../contracts/practice';
import type { SandboxState } from '../../../core/office/state';
import { attempts, practiceFiles, practiceSandboxes } from '../../db/schema';
import { multipartFile } from '../../testing/hostile-files';
import { dbKinds } from '../../testing/test-db';
import { createPracticeApiKit, type PracticeApiKit, type PracticeCaller } from './practice-test-kit';

const VIETNAMESE = /[ạảãầấậẩẫằắặẳẵẹẻẽềếệểễịỉĩọỏõồốộổỗờớợởỡụủũừứựửữỳýỵỷỹđ]/i;
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const ROUTES = [
  ['GET', '/api/exam/practice'],
  ['POST', '/api/exam/practice/actions'],
  ['POST', '/api/exam/practice/sign'],
  ['POST', '/api/exam/practice/send-to-clerk'],
  ['GET', '/api/exam/practice/files/00000000-0000-4000-8000-000000000000'],
  ['POST', '/api/exam/practice/uploads'],
] as const;

describe.each(dbKinds())('what the practice API refuses (%s)', (kind) => {
  let kit: PracticeApiKit;
  /** 0 and 1 work side by side, 2 has finished, 3 has not started, 4 has no practice part. */
  const callers: PracticeCaller[] = [];
  const attemptOf = (i: number) => kit.candidates[i]!.attemptId;
  const stateOf = async (i: number) => (await kit.sandboxRow(attemptOf(i))).state as SandboxState;
  const viewOf = async (i: number): Promise<TPracticeView> =>
    (await callers[i]!.request('GET', '/api/exam/practice')).json();
  /** Every sandbox row and stored file id, to prove a refusal changed nothing anywhere. */
  const snapshot = async () =>
    Promise.all(
      [0, 1, 2].map(async (i) => [await kit.sandboxRow(attemptOf(i)), await kit.fileIds(attemptOf(i))]),
    );

  beforeAll(async () => {
    kit = await createPracticeApiKit(kind, { candidates: 5 });
    for (let i = 0; i < 5; i++) callers.push(await kit.candidate(i));
    await kit.db
      .update(attempts)
      .set({ status: 'finalised', finalisedAt: kit.clock.now, finalisedBy: 'candidate' })
      .where(eq(attempts.id, attemptOf(2)));
    await kit.db
      .update(attempts)
      .set({ status: 'ready' })
      .where(eq(attempts.id, attemptOf(3)));
    await kit.db.delete(practiceFiles).where(eq(practiceFiles.attemptId, attemptOf(4)));
    await kit.db.delete(practiceSandboxes).where(eq(practiceSandboxes.attemptId, attemptOf(4)));
  });
  afterAll(() => kit?.close());

  it('answers a staff session with 401 on every practice route', async () => {
    const organiser = await kit.staff('organiser');
    for (const [method, url] of ROUTES) {
      const res = await organiser.request(method, url, method === 'GET' ? undefined : {});
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('treats another candidate’s mails, files and documents as not found, changing nothing', async () => {
    const other = await stateOf(1);
    const mine = await viewOf(0);
    const otherMail = other.mails.find((m) => m.attachments.length > 0)!;
    const otherFile = otherMail.attachments[0]!.fileId;
    const draftOf = (key: string) => other.documents.find((d) => d.key === key)!;
    const before = await snapshot();
    const tries = [
      () => callers[0]!.request('GET', `/api/exam/practice/files/${otherFile}`),
      () => callers[0]!.request('GET', `/api/exam/practice/files/${otherFile}?mail=${otherMail.id}`),
      () => callers[0]!.request('GET', `/api/exam/practice/files/${draftOf('kh-ngay-cds').fileId}`),
      () =>
        callers[0]!.request('POST', '/api/exam/practice/actions', {
          seq: mine.seq,
          action: { type: 'mark_read', mailId: otherMail.id, read: true },
        }),
      () =>
        callers[0]!.request('POST', '/api/exam/practice/actions', {
          seq: mine.seq,
          action: { type: 'open_document', documentId: draftOf('kh-ngay-cds').id },
        }),
      () =>
        callers[0]!.request('POST', '/api/exam/practice/actions', {
          seq: mine.seq,
          action: {
            type: 'send_mail',
            input: { to: ['a@b.vn'], subject: 'x', body: 'y', attachments: [{ fileId: otherFile }] },
          },
        }),
      // The right PIN of the caller, on the other candidate's draft.
      () =>
        callers[0]!.request('POST', '/api/exam/practice/sign', {
          seq: mine.seq,
          documentId: draftOf('kh-ngay-cds').id,
          pin: kit.pins.get(kit.candidates[0]!.id),
        }),
      () =>
        callers[0]!.request('POST', '/api/exam/practice/send-to-clerk', {
          seq: mine.seq,
          documentId: draftOf('kh-ngay-cds').id,
        }),
    ];
    for (const [i, call] of tries.entries()) {
      const res = await call();
      expect(res.statusCode, `try ${i}: ${res.body}`).toBe(404);
      expect(res.json().code, `try ${i}`).toBe('not_found');
      expect(res.json().message).toMatch(VIETNAMESE);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('shows a finished attempt read-only and refuses every write, changing nothing', async () => {
    const view = await viewOf(2);
    expect(view.closed).toBe(true);
    const s = await stateOf(2);
    const draft = s.documents.find((d) => d.key === 'kh-ngay-cds')!;
    const mail = s.mails.find((m) => m.phishing && m.attachments.length > 0)!;
    const before = await snapshot();
    const { payload, contentType } = await multipartFile(PDF, 'bao-cao.pdf');
    const writes = [
      callers[2]!.request('POST', '/api/exam/practice/actions', {
        seq: view.seq,
        action: { type: 'report_phishing', mailId: mail.id },
      }),
      callers[2]!.request('POST', '/api/exam/practice/sign', {
        seq: view.seq,
        documentId: draft.id,
        pin: kit.pins.get(kit.candidates[2]!.id),
      }),
      callers[2]!.request('POST', '/api/exam/practice/send-to-clerk', {
        seq: view.seq,
        documentId: draft.id,
      }),
      callers[2]!.request('POST', '/api/exam/practice/uploads', payload, { 'content-type': contentType }),
    ];
    for (const res of await Promise.all(writes)) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().code).toBe('attempt_closed');
    }
    // Files can still be read, and opening one records nothing once the attempt is over.
    const file = await callers[2]!.request(
      'GET',
      `/api/exam/practice/files/${mail.attachments[0]!.fileId}?mail=${mail.id}`,
    );
    expect(file.statusCode, file.body).toBe(200);
    expect(await snapshot()).toEqual(before);
  });

  it('shows nothing before the start, as the theory part does', async () => {
    const s = await stateOf(3);
    for (const url of ['/api/exam/practice', `/api/exam/practice/files/${s.documents[0]!.fileId}`]) {
      const res = await callers[3]!.request('GET', url);
      expect(res.statusCode, url).toBe(409);
      expect(res.json().code).toBe('exam_not_started');
    }
  });

  it('says so, in Vietnamese, when the attempt has no practice part', async () => {
    const res = await callers[4]!.request('GET', '/api/exam/practice');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found', message: 'Bài thi chưa có phần thực hành' });
  });

  it('turns every view read-only once time is up, and refuses the late write', async () => {
    const before = await viewOf(0);
    expect(before.closed).toBe(false);
    // Past the 60-minute deadline and any grace the default rules give.
    kit.clock.advance(3 * 60 * 60);
    const view = await viewOf(0);
    expect(view.closed).toBe(true);
    const row = await kit.sandboxRow(attemptOf(0));
    const res = await callers[0]!.request('POST', '/api/exam/practice/actions', {
      seq: view.seq,
      action: { type: 'mark_read', mailId: view.mails[0]!.id, read: !view.mails[0]!.read },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('attempt_closed');
    expect(await kit.sandboxRow(attemptOf(0))).toEqual(row);
  });
});
