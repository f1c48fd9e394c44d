import { PDFDict, PDFDocument, PDFName, type PDFRef, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../pdf/render-pdf';
import { createContestCa } from './contest-ca';
import { appendIncrement, highestObjectNumber, serializeObject } from './incremental-update';
import { signPdf } from './sign-pdf';
import { signingFixture, type TSigningFixture } from './testing/fixtures';
import { verifyPdf } from './verify-pdf';

describe('verifyPdf', () => {
  let fx: TSigningFixture;
  let original: Buffer;
  let signed: Uint8Array;
  const at = new Date('2026-07-01T01:02:03Z');

  beforeAll(async () => {
    fx = await signingFixture();
    original = await renderPdf(['Báo cáo kết quả chuyển đổi số năm 2026'], { title: 'Báo cáo' });
    signed = await signPdf(original, { signer: fx.candidateKey, signingTime: at });
  });

  it('says an unsigned PDF has no signature, and a non-PDF cannot be read', async () => {
    const unsigned = await verifyPdf(original, { trusted: [fx.ca.certificatePem] });
    expect(unsigned).toEqual({ valid: false, signatures: [], messages: ['Tài liệu không có chữ ký số.'] });
    const junk = await verifyPdf(Buffer.from('không phải PDF'), { trusted: [fx.ca.certificatePem] });
    expect(junk).toEqual({ valid: false, signatures: [], messages: ['Không đọc được tệp PDF.'] });
  });

  it('rejects a certificate from a CA that is not trusted, though the signature itself is intact', async () => {
    const other = await createContestCa({
      name: { commonName: 'CA khác' },
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2027-01-01T00:00:00Z'),
    });
    const result = await verifyPdf(signed, { trusted: [other.certificatePem] });
    expect(result.valid).toBe(false);
    expect(result.signatures[0]).toMatchObject({
      digestMatches: true,
      signatureVerified: true,
      certificateTrusted: false,
      valid: false,
    });
    expect(result.signatures[0]!.messages).toContain('Chứng thư số không do tổ chức chứng thực tin cậy cấp.');
  });

  it('rejects a signing time outside the certificate’s validity', async () => {
    // The fixture's certificates end on 31/12/2026.
    const late = await signPdf(original, {
      signer: fx.candidateKey,
      signingTime: new Date('2027-01-15T00:00:00Z'),
    });
    const result = await verifyPdf(late, { trusted: [fx.ca.certificatePem] });
    expect(result.signatures[0]).toMatchObject({
      certificateTrusted: true,
      certificateValidAtSigningTime: false,
      valid: false,
    });
    expect(result.signatures[0]!.messages).toContain('Chứng thư số không còn hiệu lực tại thời điểm ký.');
  });

  it('keeps a signature valid but not covering the document when a revision is appended', async () => {
    // Another writer's incremental update: a changed /Info title.
    const doc = await PDFDocument.load(signed, { updateMetadata: false });
    const infoRef = doc.context.trailerInfo.Info as PDFRef;
    const info = doc.context.lookup(infoRef, PDFDict);
    info.set(PDFName.of('Title'), PDFString.of('Changed'));
    const { bytes } = appendIncrement(signed, [{ ref: infoRef, body: serializeObject(info) }], {
      size: highestObjectNumber(signed) + 1,
      entries: [`/Root ${doc.context.trailerInfo.Root!.toString()}`, `/Info ${infoRef.toString()}`],
    });
    const result = await verifyPdf(bytes, { trusted: [fx.ca.certificatePem] });
    expect(result.signatures[0]).toMatchObject({
      valid: true,
      coversWholeDocument: false,
      byteRangeValid: true,
    });
  });

  it('flags a /ByteRange that stops short of its revision', async () => {
    const text = Buffer.from(signed).toString('latin1');
    const m = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\s*\]/.exec(text)!;
    const shorter = `[${m[1]} ${m[2]} ${m[3]} ${Number(m[4]) - 100}]`;
    const forged = Buffer.from(signed);
    forged.write(
      shorter.padEnd(m[0].length - '/ByteRange '.length, ' '),
      m.index + '/ByteRange '.length,
      'latin1',
    );
    const result = await verifyPdf(forged, { trusted: [fx.ca.certificatePem] });
    expect(result.signatures[0]).toMatchObject({ byteRangeValid: false, valid: false });
  });
});
