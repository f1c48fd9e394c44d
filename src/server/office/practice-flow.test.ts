import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeReply } from '../../core/office/mail-compose';
import { DOCUMENT_TYPES, formatCodeNumber } from '../../core/office/numbering';
import type { SandboxState } from '../../core/office/state';
import { attempts } from '../db/schema';
import { missingTools, PopplerBench, pdfsigBlocks } from '../signing/testing/tools';
import { verifyPdf } from '../signing/verify-pdf';
import { dbKinds } from '../testing/test-db';
import { applyAction } from './apply-action';
import { readCandidatePins } from './candidate-pins';
import { readContestCaCertificate } from './contest-ca-store';
import { gradePendingPractice, gradePracticeAttempt } from './grade-practice';
import { practiceScore } from './practice-score';
import { readSandboxFile } from './read-sandbox-file';
import { loadSandbox } from './sandbox-store';
import { sendDraftToClerk } from './send-to-clerk';
import { signDraft } from './sign-draft';
import { storeUpload } from './store-upload';
import { createPracticeKit, type PracticeKit } from './testing';

const missing = missingTools();
if (missing.length > 0) {
  throw new Error(
    `Practice signing tests need ${missing.join(', ')}: apt-get install poppler-utils libnss3-tools`,
  );
}

const SCENARIO = 'cantho-2022-quan';
const docId = (s: SandboxState, key: string) => s.documents.find((d) => d.key === key)!.id;
const seedMail = (s: SandboxState, key: string) => s.mails.find((m) => m.seedKey === key)!;
const address = (s: SandboxState, key: string) => s.directory.find((e) => e.key === key)!.email;

/** The date line ND 30 wants for an instant, from Intl in Vietnam's time zone (not from our formatter). */
function vietnameseDateLine(place: string, at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const [d, m, y] = [get('day'), get('month'), get('year')];
  // Days below 10 and the months January and February take a leading zero.
  return `${place}, ngày ${d < 10 ? `0${d}` : d} tháng ${m < 3 ? `0${m}` : m} năm ${y}`;
}
let issuedAt: Date;

/** The text of the FreeText annotations on page 1, read with pdf-lib. */
async function freeTexts(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const annots = doc.getPages()[0]!.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? [];
  return annots
    .map((ref) => doc.context.lookup(ref, PDFDict))
    .filter((a) => a.get(PDFName.of('Subtype')) === PDFName.of('FreeText'))
    .map((a) => a.lookup(PDFName.of('Contents'), PDFHexString).decodeText());
}

describe.each(dbKinds())('the practice part of one attempt, end to end (%s)', (kind) => {
  let kit: PracticeKit;
  let bench: PopplerBench;
  let attemptId: string;
  let seq: number;
  let state: SandboxState;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    // Today, to the minute: poppler checks certificates at the time it runs, so they must be current.
    // The scenario keeps its own 2022 dates (mails, deadlines); numbers and dates come from the clock.
    const start = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
    kit = await createPracticeKit(kind, { candidates: 3, scenario: SCENARIO, start });
    attemptId = kit.candidates[0]!.attemptId;
    const record = await loadSandbox(kit.db, attemptId);
    seq = record.seq;
    state = record.state;
    bench = new PopplerBench((await readContestCaCertificate(kit.db, kit.contestId))!);
  });
  afterAll(async () => {
    bench?.close();
    await kit?.close();
    console.info(`[${kind}] practice timings (ms): ${JSON.stringify(timings)}`);
  });

  const act = async (action: Parameters<typeof applyAction>[1]['action']) => {
    const result = await applyAction(kit.db, {
      attemptId,
      expectedSeq: seq,
      action,
      now: kit.clock.advance(60),
    });
    seq = result.seq;
    state = result.state;
    return result;
  };

  it('seeds the scenario with real documents: a văn bản per ND 30 for each incoming document and draft', async () => {
    const scenario = (await loadSandbox(kit.db, attemptId)).scenario;
    expect(state.documents).toHaveLength(scenario.incoming.length + scenario.drafts.length);
    const incoming = scenario.incoming[0]!;
    const pdf = await readSandboxFile(
      kit.db,
      attemptId,
      state.documents.find((d) => d.key === incoming.key)!.fileId,
    );
    const text = bench.pdftotext(pdf.data);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain(`Số: ${incoming.numberSymbol}`);
    expect(text).toContain(incoming.signer!.name);
    const draft = scenario.drafts.find((d) => d.key === 'qd-to-cong-tac-cds')!;
    const draftPdf = await readSandboxFile(
      kit.db,
      attemptId,
      state.documents.find((d) => d.key === draft.key)!.fileId,
    );
    const draftText = bench.pdftotext(draftPdf.data);
    expect(draftText).toContain(DOCUMENT_TYPES.quyet_dinh.name.toUpperCase());
    expect(draftText).toContain(kit.candidates[0]!.fullName);
    // The number and the day are left blank for the văn thư (pdftotext splits the blank line).
    expect(draftText).toContain('/QĐ-UBND');
    expect(draftText).not.toMatch(/Số:\s*\d/);
    expect(draftText).toContain('Ninh Kiều, ngày');
    expect(draftText).not.toMatch(/Ninh Kiều, ngày\s*\d/);
    expect(draftText).toContain(`năm ${kit.clock.now.getUTCFullYear()}`);
    // Every file's hash is recorded in the state, as the core needs it to recognise a re-upload.
    expect(state.files.every((f) => typeof f.sha256 === 'string' && f.sha256.length === 64)).toBe(true);
  });

  it('plays the full-marks path through the services and grades it at the scenario’s total', async () => {
    const scenario = (await loadSandbox(kit.db, attemptId)).scenario;
    // Task 1: download the plan, forward the mail with the file uploaded again (same bytes = same file).
    const planMail = seedMail(state, 'thu-ke-hoach');
    const planFile = planMail.attachments[0]!;
    await act({ type: 'open_attachment', mailId: planMail.id, fileId: planFile.fileId });
    const downloaded = await readSandboxFile(kit.db, attemptId, planFile.fileId);
    const upload = await storeUpload(kit.db, {
      attemptId,
      fileName: downloaded.fileName,
      mediaType: downloaded.mediaType,
      data: downloaded.data,
      now: kit.clock.now,
    });
    const forward = composeReply(state, planMail.id, 'forward');
    await act({
      type: 'send_mail',
      input: {
        ...forward,
        to: [address(state, 'phong-vhtt')],
        cc: [address(state, 'van-phong')],
        attachments: [{ upload: { ref: upload.ref, fileName: 'x.pdf', mediaType: 'text/plain' } }],
      },
    });
    // The stored name and hash were used, not what the request claimed.
    const sent = state.mails.filter((m) => m.folder === 'sent').at(-1)!;
    expect(sent.attachments[0]!.fileName).toBe(downloaded.fileName);
    expect(state.files.find((f) => f.id === sent.attachments[0]!.fileId)!.sha256).toBe(downloaded.sha256);

    // Task 2: bút phê and chuyển xử lý.
    const incoming = docId(state, 'cv-sotttt-ky-so');
    await act({ type: 'open_document', documentId: incoming });
    await act({
      type: 'write_directive',
      documentId: incoming,
      input: {
        text: 'Giao Phòng Văn hóa và Thông tin chủ trì tham mưu triển khai.',
        lead: 'phong-vhtt',
        cooperating: ['van-phong', 'phong-noi-vu'],
        deadline: '2022-09-30',
      },
    });
    await act({ type: 'forward_document', documentId: incoming });

    // Task 3: sign the decision with the PIN from the credential slip.
    const pin = (await readCandidatePins(kit.db, kit.box, kit.contestId)).get(kit.candidates[0]!.id)!;
    const draft = docId(state, 'qd-to-cong-tac-cds');
    let t = performance.now();
    const signed = await signDraft(kit.db, kit.box, {
      attemptId,
      expectedSeq: seq,
      documentId: draft,
      pin,
      now: kit.clock.advance(60),
    });
    timings.sign = Math.round(performance.now() - t);
    if (!signed.signed) throw new Error('the right PIN was refused');
    seq = signed.seq;
    state = signed.state;

    // Task 4: hand it to the văn thư, who numbers, seals and issues it.
    t = performance.now();
    issuedAt = kit.clock.advance(60);
    const issued = await sendDraftToClerk(kit.db, kit.box, {
      attemptId,
      expectedSeq: seq,
      documentId: draft,
      now: issuedAt,
    });
    timings.clerk = Math.round(performance.now() - t);
    seq = issued.seq;
    state = issued.state;
    // No number given this year before: the series starts at 01 (ND 30 Điều 15).
    const first = formatCodeNumber((scenario.candidate.agency.lastOutgoingNumber ?? 0) + 1);
    expect(issued.numberSymbol).toBe(`${first}/QĐ-UBND`);

    t = performance.now();
    const grade = await gradePracticeAttempt(kit.db, attemptId, kit.clock.now);
    timings.grade = Math.round(performance.now() - t);
    expect(grade.max).toBe(scenario.tasks.reduce((sum, task) => sum + task.points, 0));
    expect(grade.result.tasks.filter((task) => task.points !== task.max)).toEqual([]);
    expect(grade.score).toBe(scenario.totalPoints);
  });

  it('produces PDFs that poppler verifies against the contest CA, both signatures after the văn thư', async () => {
    const draft = state.documents.find((d) => d.key === 'qd-to-cong-tac-cds')!;
    const issued = await readSandboxFile(kit.db, attemptId, draft.fileId);
    expect(issued.revision).toBe(2);
    const blocks = pdfsigBlocks(bench.pdfsig(issued.data));
    expect(blocks).toHaveLength(2);
    for (const block of blocks) {
      expect(block).toContain('Signature Type: ETSI.CAdES.detached');
      expect(block).toContain('Signature Validation: Signature is Valid.');
      expect(block).toContain('Certificate Validation: Certificate is Trusted.');
    }
    expect(blocks[0]).toContain(`Common Name: ${kit.candidates[0]!.fullName}`);
    expect(blocks[0]).toContain('Not total document signed');
    expect(blocks[1]).toContain(`Common Name: ${state.agency.name}`);
    expect(blocks[1]).toContain('Total document signed');
    // The number and date the văn thư gave are on the page (over the blank lines), under the seal.
    const numberSymbol = draft.direction === 'outgoing' ? draft.numberSymbol : undefined;
    expect(bench.pdftotext(issued.data)).toContain(`Số: ${numberSymbol}`);
    expect(await freeTexts(issued.data)).toEqual([
      `Số: ${numberSymbol}`,
      vietnameseDateLine('Ninh Kiều', issuedAt),
    ]);

    // The revision the candidate signed, as stored: one signature, covering the whole file.
    const rows = await kit.db.query.practiceFiles.findMany({
      where: (f, { and, eq }) => and(eq(f.attemptId, attemptId), eq(f.key, draft.fileId)),
      orderBy: (f, { asc }) => asc(f.revision),
    });
    expect(rows.map((r) => r.kind)).toEqual(['document', 'signed', 'issued']);
    const [leader] = pdfsigBlocks(bench.pdfsig(rows[1]!.data));
    expect(leader).toContain('Signature Validation: Signature is Valid.');
    expect(leader).toContain('Certificate Validation: Certificate is Trusted.');
    expect(leader).toContain('Total document signed');
  });

  it('rejects a tampered copy, in poppler and in the grader’s verifier', async () => {
    const draft = state.documents.find((d) => d.key === 'qd-to-cong-tac-cds')!;
    const { data } = await readSandboxFile(kit.db, attemptId, draft.fileId);
    const caPem = (await readContestCaCertificate(kit.db, kit.contestId))!;
    // A different PDF version digit: inside both signatures' byte ranges.
    const header = Buffer.from(data);
    header[7] = header[7] === 0x34 ? 0x35 : 0x34;
    for (const block of pdfsigBlocks(bench.pdfsig(header))) {
      expect(block).not.toContain('Signature is Valid.');
    }
    expect((await verifyPdf(header, { trusted: [caPem] })).valid).toBe(false);
    // A different issued number text: after the leader signed, so only the agency's seal breaks.
    const text = Buffer.from(data).toString('latin1');
    const at =
      text.indexOf('/Contents <FEFF', text.indexOf('/Subtype /FreeText')) + '/Contents <FEFF'.length + 3;
    const renumbered = Buffer.from(data);
    renumbered[at] = renumbered[at] === 0x31 ? 0x32 : 0x31;
    const blocks = pdfsigBlocks(bench.pdfsig(renumbered));
    expect(blocks[0]).toContain('Signature is Valid.');
    expect(blocks[1]).not.toContain('Signature is Valid.');
    const ours = await verifyPdf(renumbered, { trusted: [caPem] });
    expect(ours.signatures.map((s) => s.valid)).toEqual([true, false]);
  });

  it('gives the practice score on the contest scale, to add to the theory score', async () => {
    const record = await loadSandbox(kit.db, attemptId);
    const score = (await practiceScore(kit.db, attemptId))!;
    // Default rules: practice 40 of 100; a full-marks 55-point scenario counts 40.
    expect(score).toMatchObject({ raw: record.scenario.totalPoints, rawMax: record.scenario.totalPoints });
    expect(score.points).toBe(score.max);
    expect(score.max).toBe(40);
    // The other candidate did nothing: graded, they get 0 of 55.
    const other = kit.candidates[1]!.attemptId;
    expect(await practiceScore(kit.db, other)).toBeNull();
    await gradePracticeAttempt(kit.db, other, kit.clock.now);
    expect(await practiceScore(kit.db, other)).toMatchObject({ points: 0, raw: 0, max: 40 });
  });

  it('grades a finalised attempt once in the grading job, and closes its sandbox', async () => {
    const c = kit.candidates[2]!;
    let record = await loadSandbox(kit.db, c.attemptId);
    const pin = (await readCandidatePins(kit.db, kit.box, kit.contestId)).get(c.id)!;
    const draft = docId(record.state, 'qd-to-cong-tac-cds');
    // A second attempt of the contest: the agency's certificate exists now, as during a real sitting.
    let t = performance.now();
    const signed = await signDraft(kit.db, kit.box, {
      attemptId: c.attemptId,
      expectedSeq: record.seq,
      documentId: draft,
      pin,
      now: kit.clock.advance(60),
    });
    timings.signAgain = Math.round(performance.now() - t);
    t = performance.now();
    await sendDraftToClerk(kit.db, kit.box, {
      attemptId: c.attemptId,
      expectedSeq: signed.seq,
      documentId: draft,
      now: kit.clock.advance(60),
    });
    timings.clerkAgain = Math.round(performance.now() - t);
    await kit.db
      .update(attempts)
      .set({ status: 'finalised', finalisedAt: kit.clock.advance(60), finalisedBy: 'candidate' })
      .where(eq(attempts.id, c.attemptId));

    expect(await gradePendingPractice(kit.db, kit.clock.now)).toEqual({ graded: 1, failed: [] });
    expect(await gradePendingPractice(kit.db, kit.clock.now)).toEqual({ graded: 0, failed: [] });
    record = await loadSandbox(kit.db, c.attemptId);
    expect(record.state.closedAt).toBe(kit.clock.now.toISOString());
    // Only the signing and issuing tasks were done: their points, nothing else.
    const done = record.scenario.tasks
      .filter((task) =>
        task.checks.every((k) => k.kind === 'document_signed' || k.kind === 'document_issued'),
      )
      .reduce((sum, task) => sum + task.points, 0);
    expect((await practiceScore(kit.db, c.attemptId))!.raw).toBe(done);
    await expect(
      applyAction(kit.db, {
        attemptId: c.attemptId,
        expectedSeq: record.seq,
        action: { type: 'mark_read', mailId: seedMail(record.state, 'thu-ke-hoach').id, read: true },
        now: kit.clock.now,
      }),
    ).rejects.toMatchObject({ code: 'attempt_closed' });
  });
});
