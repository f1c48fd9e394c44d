import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { CANDIDATE_NAME, signingFixture } from '../signing/testing/fixtures';
import { PdfPool } from './pdf-pool';
import { closePdfPool, configurePdfWorkers, pdfWorkersStarted, runPdfTask } from './pdf-pool-run';
import { PDF_TASKS } from './pdf-worker-tasks';
import { type DocumentPdfInput, renderDocumentPdf } from './render-document-pdf';
import { renderIssueNumber } from './render-issue-number';
import { renderSeedFile } from './render-seed-file';

const dir = mkdtempSync(join(tmpdir(), 'thuocdo-pdf-pool-'));
afterAll(async () => {
  await configurePdfWorkers(undefined);
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** poppler's pdftotext, with the rendering's creation date and ids left out by nature (text only). */
function pdftotext(pdf: Uint8Array): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFC');
}

/** The text of the FreeText annotations on page 1 (the văn thư's number and date), read with pdf-lib. */
async function freeTexts(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const annots = doc.getPages()[0]!.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? [];
  return annots
    .map((ref) => doc.context.lookup(ref, PDFDict))
    .filter((a) => a.get(PDFName.of('Subtype')) === PDFName.of('FreeText'))
    .map((a) => a.lookup(PDFName.of('Contents'), PDFHexString).decodeText());
}

const draft: DocumentPdfInput = {
  parentName: 'Ủy ban nhân dân thành phố Cần Thơ',
  agencyName: 'Ủy ban nhân dân quận Ninh Kiều',
  type: 'quyet_dinh',
  notation: 'QĐ-UBND',
  place: 'Ninh Kiều',
  year: 2022,
  subject: 'Thành lập Tổ công tác chuyển đổi số',
  body: 'CHỦ TỊCH ỦY BAN NHÂN DÂN QUẬN NINH KIỀU\nQUYẾT ĐỊNH:\nĐiều 1. Thành lập Tổ công tác.\nĐiều 2. Hiệu lực.',
  signerPosition: 'CHỦ TỊCH',
  signerName: 'Trần Thị Bích Ngọc',
  signed: false,
  recipients: ['Như Điều 2'],
  archive: 'Lưu: VT.',
};
const seedFile = {
  key: 'ke-hoach',
  fileName: 'ke-hoach.pdf',
  mediaType: 'application/pdf',
  title: 'Kế hoạch chuyển đổi số năm 2022',
  body: 'Mục tiêu: 100% văn bản được ký số.\nGiải pháp: tập huấn cán bộ.',
};

describe('the PDF worker pool', () => {
  it('renders on a worker what the main thread renders: same text, same layout, Buffers back', async () => {
    await configurePdfWorkers(1);
    // A spy on the main thread's task table: the worker has its own copy, so a call here means the
    // rendering did not leave the main thread.
    const local = vi.spyOn(PDF_TASKS, 'document');
    const [pooled, here] = await Promise.all([runPdfTask('document', draft), renderDocumentPdf(draft)]);
    expect(local).not.toHaveBeenCalled();
    expect(pdfWorkersStarted()).toBe(1);
    expect(Buffer.isBuffer(pooled.pdf)).toBe(true);
    expect(pooled.layout).toEqual(here.layout);
    const text = pdftotext(pooled.pdf);
    expect(text).toBe(pdftotext(here.pdf));
    expect(text).toContain('Trần Thị Bích Ngọc');

    const seed = await runPdfTask('seedFile', seedFile);
    expect(Buffer.isBuffer(seed)).toBe(true);
    expect(pdftotext(seed)).toBe(pdftotext(await renderSeedFile(seedFile)));

    // The văn thư's stamp: the same number and date land on the draft, whichever thread writes them.
    const lines = { number: 'Số: 15/QĐ-UBND', date: 'Ninh Kiều, ngày 15 tháng 9 năm 2022' };
    const stamped = await runPdfTask('issueNumber', { pdf: here.pdf, layout: here.layout, lines });
    expect(await freeTexts(stamped)).toEqual([lines.number, lines.date]);
    expect(await freeTexts(stamped)).toEqual(
      await freeTexts(await renderIssueNumber({ pdf: here.pdf, layout: here.layout, lines })),
    );
    // The incremental update keeps the draft's bytes as its first revision.
    expect(Buffer.from(stamped.subarray(0, here.pdf.length)).equals(here.pdf)).toBe(true);
  });

  it('signs on a worker: a PAdES signature that verifies against the CA, Buffer back', async () => {
    await configurePdfWorkers(1);
    const local = vi.spyOn(PDF_TASKS, 'signVerified');
    const f = await signingFixture();
    const { pdf: unsigned } = await renderDocumentPdf(draft);
    const signingTime = new Date('2026-09-15T02:00:00Z');
    const { pdf, verification } = await runPdfTask('signVerified', {
      pdf: unsigned,
      options: { signer: f.candidateKey, signingTime, name: CANDIDATE_NAME },
      trusted: [f.ca.certificatePem],
    });
    expect(local).not.toHaveBeenCalled();
    expect(Buffer.isBuffer(pdf)).toBe(true);
    expect(verification.valid).toBe(true);
    expect(verification.signatures.map((s) => s.certificateSerial)).toEqual([f.candidate.serialNumber]);
    // Signed as an incremental update: the unsigned bytes stay the first revision.
    expect(Buffer.from(pdf.subarray(0, unsigned.length)).equals(unsigned)).toBe(true);
  });

  it('rejects a render that throws with its error and keeps the worker for the next task', async () => {
    await configurePdfWorkers(1);
    const broken = { ...draft, type: 'khong_co_loai_nay' } as unknown as DocumentPdfInput;
    // The error the same input gives on this thread: the worker's must be the same.
    const expected = await renderDocumentPdf(broken).then(
      () => null,
      (e: Error) => e,
    );
    expect(expected).toBeInstanceOf(Error);
    const error = await runPdfTask('document', broken).then(
      () => null,
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error!.name).toBe(expected!.name);
    expect(error!.message).toBe(expected!.message);
    const after = await runPdfTask('document', draft);
    expect(pdftotext(after.pdf)).toContain('Thành lập Tổ công tác chuyển đổi số');
    expect(pdfWorkersStarted()).toBe(1);
  });

  it('renders on the main thread with 0 workers (THUOCDO_PDF_WORKERS=0)', async () => {
    await configurePdfWorkers(0);
    const local = vi.spyOn(PDF_TASKS, 'document');
    const { pdf } = await runPdfTask('document', draft);
    expect(local).toHaveBeenCalledTimes(1);
    expect(pdfWorkersStarted()).toBe(0);
    expect(pdftotext(pdf)).toContain('Trần Thị Bích Ngọc');
  });
});

describe('PdfPool', () => {
  const fixture = new URL('./pdf-worker-fixture.mjs', import.meta.url);

  it('fails the task of a worker that dies, and the tasks queued behind it still run', async () => {
    const pool = new PdfPool({ url: fixture, size: 1 });
    try {
      const results = await Promise.allSettled([
        pool.run('exit', null),
        pool.run('echo', 'một'),
        pool.run('echo', 'hai'),
      ]);
      expect(results[0]).toMatchObject({
        status: 'rejected',
        reason: { message: expect.stringContaining('exit code 3') },
      });
      expect(results.slice(1)).toEqual([
        { status: 'fulfilled', value: 'một' },
        { status: 'fulfilled', value: 'hai' },
      ]);
      // The dead worker was replaced by one more.
      expect(pool.started).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('abandons a task past the time limit and goes on with a fresh worker', async () => {
    const pool = new PdfPool({ url: fixture, size: 1, timeoutMs: 300 });
    try {
      await expect(pool.run('hang', null)).rejects.toThrow(/longer than 300 ms/);
      expect(await pool.run('echo', 7)).toBe(7);
      expect(pool.started).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('fails what is queued when closed, and refuses new tasks', async () => {
    const pool = new PdfPool({ url: fixture, size: 1 });
    const pending = Promise.allSettled([pool.run('hang', null), pool.run('echo', 1)]);
    await pool.close();
    const results = await pending;
    for (const r of results) {
      expect(r).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/closed/) } });
    }
    await expect(pool.run('echo', 2)).rejects.toThrow(/closed/);
  });
});

afterAll(() => closePdfPool());
