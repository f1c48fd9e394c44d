import { X509Certificate } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPracticeUpload, TPracticeView } from '../../../contracts/practice';
import type { SandboxState } from '../../../core/office/state';
import { practiceCertificates, practiceFiles } from '../../db/schema';
import { readContestCaCertificate } from '../../office/contest-ca-store';
import { multipartFile } from '../../testing/hostile-files';
import { dbKinds } from '../../testing/test-db';
import { createPracticeApiKit, type PracticeApiKit, type PracticeCaller } from './practice-test-kit';

const VIETNAMESE = /[ạảãầấậẩẫằắặẳẵẹẻẽềếệểễịỉĩọỏõồốộổỗờớợởỡụủũừứựửữỳýỵỷỹđ]/i;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('0000000d49484452', 'hex')]);
/** The start of a Windows program: "MZ", then the DOS stub. */
const EXE = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), Buffer.alloc(64)]);

/** The file name carried by an RFC 5987 `filename*`, decoded here with decodeURIComponent. */
function starName(header: string | undefined): string | undefined {
  const m = /filename\*=UTF-8''([^;]+)/.exec(header ?? '');
  return m ? decodeURIComponent(m[1]!) : undefined;
}

describe.each(dbKinds())('the candidate’s practice API (%s)', (kind) => {
  let kit: PracticeApiKit;
  let me: PracticeCaller;
  let attemptId: string;

  const state = async () => (await kit.sandboxRow(attemptId)).state as SandboxState;
  const getView = async (): Promise<TPracticeView> => {
    const res = await me.request('GET', '/api/exam/practice');
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const upload = async (data: Buffer, filename: string) => {
    const { payload, contentType } = await multipartFile(data, filename);
    return me.request('POST', '/api/exam/practice/uploads', payload, { 'content-type': contentType });
  };

  beforeAll(async () => {
    kit = await createPracticeApiKit(kind, { candidates: 2 });
    attemptId = kit.candidates[0]!.attemptId;
    me = await kit.candidate(0);
  });
  afterAll(() => kit?.close());

  it('shows the candidate’s own mailbox without the phishing flag, their certificate, uncached', async () => {
    const res = await me.request('GET', '/api/exam/practice');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).not.toMatch(/phishing/i);
    const view: TPracticeView = res.json();
    const row = await kit.sandboxRow(attemptId);
    const s = row.state as SandboxState;
    expect(view.seq).toBe(row.seq);
    expect(view.closed).toBe(false);
    // The planted mail is there for the candidate to judge, unmarked.
    const planted = s.mails.find((m) => m.phishing)!;
    expect(view.mails.find((m) => m.id === planted.id)?.subject).toBe(planted.subject);
    const own = s.mails.filter((m) => m.owner === s.candidate.email).map((m) => m.id);
    expect(view.mails.map((m) => m.id).sort()).toEqual(own.sort());

    const [cert] = await kit.db
      .select()
      .from(practiceCertificates)
      .where(eq(practiceCertificates.candidateId, kit.candidates[0]!.id));
    // The issuer is the contest CA: its subject's CN, read from the CA's own certificate.
    const caPem = (await readContestCaCertificate(kit.db, kit.contestId))!;
    const caCn = /CN=([^\n]+)/.exec(new X509Certificate(caPem).subject)![1];
    expect(view.candidate.certificate).toEqual({
      serial: cert!.serial,
      subject: kit.candidates[0]!.fullName,
      issuer: caCn,
      validTo: cert!.notAfter.toISOString(),
    });
    expect(view.token).toEqual({ wrongPins: 0, locked: false, attemptsLeft: 3 });
  });

  it('applies an action named by the sequence the page saw and moves the sequence on', async () => {
    const before = await getView();
    const unread = before.mails.find((m) => !m.read && m.folder === 'inbox')!;
    const res = await me.request('POST', '/api/exam/practice/actions', {
      seq: before.seq,
      action: { type: 'mark_read', mailId: unread.id, read: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after: TPracticeView = res.json();
    expect(after.seq).toBe(before.seq + 1);
    expect(after.mails.find((m) => m.id === unread.id)!.read).toBe(true);
    expect((await kit.sandboxRow(attemptId)).seq).toBe(before.seq + 1);
  });

  it('refuses a stale sequence with the one held, and changes nothing', async () => {
    const current = await getView();
    const before = await kit.sandboxRow(attemptId);
    const mail = current.mails.find((m) => m.folder === 'inbox')!;
    const res = await me.request('POST', '/api/exam/practice/actions', {
      seq: current.seq - 1,
      action: { type: 'move_to_trash', mailId: mail.id },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'conflict',
      details: { reason: 'stale_sequence', seq: current.seq },
    });
    expect(res.json().message).toMatch(VIETNAMESE);
    expect(await kit.sandboxRow(attemptId)).toEqual(before);
  });

  it('serves a document’s PDF inline, byte for byte the newest stored revision', async () => {
    const view = await getView();
    const doc = view.documents[0]!;
    const res = await me.request('GET', `/api/exam/practice/files/${doc.fileId}`);
    expect(res.statusCode, res.body).toBe(200);
    const [stored] = await kit.db
      .select()
      .from(practiceFiles)
      .where(and(eq(practiceFiles.attemptId, attemptId), eq(practiceFiles.key, doc.fileId)))
      .orderBy(desc(practiceFiles.revision))
      .limit(1);
    expect(res.rawPayload.equals(stored!.data)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(String(res.headers['content-disposition'])).toMatch(/^inline;/);
    const name = view.files.find((f) => f.id === doc.fileId)!.fileName;
    expect(starName(String(res.headers['content-disposition']))).toBe(name);
  });

  it('records an opened attachment on the server when the file is opened from a mail', async () => {
    const s = await state();
    const planted = s.mails.find((m) => m.phishing && m.attachments.length > 0)!;
    const fileId = planted.attachments[0]!.fileId;
    expect(planted.openedAttachments).toEqual([]);
    const seqBefore = (await kit.sandboxRow(attemptId)).seq;
    // No sequence is sent: a page holding an old one still opens the file, and it is still recorded.
    const res = await me.request('GET', `/api/exam/practice/files/${fileId}?mail=${planted.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const [stored] = await kit.db
      .select()
      .from(practiceFiles)
      .where(and(eq(practiceFiles.attemptId, attemptId), eq(practiceFiles.key, fileId)));
    expect(res.rawPayload.equals(stored!.data)).toBe(true);
    // Not a PDF (the planted ".pdf.exe"): saved, not shown.
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(starName(String(res.headers['content-disposition']))).toBe(planted.attachments[0]!.fileName);
    const after = await kit.sandboxRow(attemptId);
    expect(after.seq).toBe(seqBefore + 1);
    const mail = (after.state as SandboxState).mails.find((m) => m.id === planted.id)!;
    expect(mail.openedAttachments).toEqual([fileId]);
  });

  it('records attachments opened at the same time from two mails, each against the newest state', async () => {
    const other = await kit.candidate(1);
    const otherAttempt = kit.candidates[1]!.attemptId;
    const before = await kit.sandboxRow(otherAttempt);
    const mails = (before.state as SandboxState).mails.filter((m) => m.attachments.length > 0);
    expect(mails.length).toBeGreaterThanOrEqual(2);
    const opened = await Promise.all(
      mails.map((m) =>
        other.request('GET', `/api/exam/practice/files/${m.attachments[0]!.fileId}?mail=${m.id}`),
      ),
    );
    expect(opened.map((r) => r.statusCode)).toEqual(mails.map(() => 200));
    const after = await kit.sandboxRow(otherAttempt);
    expect(after.seq).toBe(before.seq + mails.length);
    for (const m of mails) {
      const stored = (after.state as SandboxState).mails.find((x) => x.id === m.id)!;
      expect(stored.openedAttachments).toEqual([m.attachments[0]!.fileId]);
    }
  });

  it('refuses to record a file against a mail that does not carry it, and changes nothing', async () => {
    const s = await state();
    const planted = s.mails.find((m) => m.phishing)!;
    const other = s.files.find((f) => f.source === 'document')!;
    const before = await kit.sandboxRow(attemptId);
    const res = await me.request('GET', `/api/exam/practice/files/${other.id}?mail=${planted.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
    expect(await kit.sandboxRow(attemptId)).toEqual(before);
  });

  it('stores an upload under the type its bytes show, and sends it on with its Vietnamese name', async () => {
    const name = 'Báo cáo tháng 6 (bản cuối) đã duyệt.pdf';
    const res = await upload(PDF, name);
    expect(res.statusCode, res.body).toBe(200);
    const stored: TPracticeUpload = res.json();
    expect(stored).toEqual({
      ref: stored.ref,
      fileName: name,
      mediaType: 'application/pdf',
      size: PDF.length,
    });

    const png = await upload(PNG, 'so-do.png');
    expect(png.json().mediaType).toBe('image/png');
    const [pngRow] = await kit.db.select().from(practiceFiles).where(eq(practiceFiles.id, png.json().ref));
    expect(pngRow!.mime).toBe('image/png');

    const s = await state();
    const unit = s.directory.find((e) => e.kind === 'unit')!;
    const view = await getView();
    const sent = await me.request('POST', '/api/exam/practice/actions', {
      seq: view.seq,
      action: {
        type: 'send_mail',
        input: {
          to: [unit.email],
          subject: 'Gửi báo cáo',
          body: 'Kính gửi.',
          attachments: [{ upload: { ref: stored.ref } }],
        },
      },
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const after: TPracticeView = sent.json();
    const mine = after.mails.find((m) => m.folder === 'sent' && m.subject === 'Gửi báo cáo')!;
    expect(mine.attachments.map((a) => a.fileName)).toEqual([name]);
    // The recipient's copy exists in the sandbox but is not the candidate's to see.
    const copies = (await state()).mails.filter((m) => m.subject === 'Gửi báo cáo');
    expect(copies.map((m) => m.owner).sort()).toEqual([s.candidate.email, unit.email].sort());
    expect(after.mails.filter((m) => m.subject === 'Gửi báo cáo')).toHaveLength(1);

    const file = await me.request('GET', `/api/exam/practice/files/${mine.attachments[0]!.fileId}`);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect(String(file.headers['content-disposition'])).toMatch(/^inline;/);
    expect(starName(String(file.headers['content-disposition']))).toBe(name);
  });

  it('refuses a program renamed .pdf, in Vietnamese, and stores nothing', async () => {
    const before = await kit.fileIds(attemptId);
    const row = await kit.sandboxRow(attemptId);
    for (const name of ['Quyet-dinh.pdf', 'khong-duoi']) {
      const res = await upload(EXE, name);
      expect(res.statusCode, name).toBe(415);
      expect(res.json().code).toBe('unsupported_file_type');
      expect(res.json().message).toMatch(VIETNAMESE);
    }
    expect(await kit.fileIds(attemptId)).toEqual(before);
    expect(await kit.sandboxRow(attemptId)).toEqual(row);
  });

  it('needs the CSRF token of the login for every write', async () => {
    const before = await kit.sandboxRow(attemptId);
    const view = await getView();
    const res = await me.request(
      'POST',
      '/api/exam/practice/actions',
      { seq: view.seq, action: { type: 'mark_read', mailId: view.mails[0]!.id, read: false } },
      { 'x-csrf-token': 'sai' },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
    expect(await kit.sandboxRow(attemptId)).toEqual(before);
  });
});
