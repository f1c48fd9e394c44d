import * as asn1js from 'asn1js';
import { PDFDocument } from 'pdf-lib';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../pdf/render-pdf';
import { OID_SIGNING_CERTIFICATE_V2, OID_SIGNING_TIME } from './cms-attributes';
import { signPdf } from './sign-pdf';
import {
  AGENCY_NAME,
  CA_NAME,
  CANDIDATE_NAME,
  signingFixture,
  type TSigningFixture,
} from './testing/fixtures';
import { signaturePng } from './testing/png';
import { missingTools, PopplerBench, pdfsigBlocks } from './testing/tools';
import { verifyPdf } from './verify-pdf';

const missing = missingTools();
if (missing.length > 0) {
  throw new Error(
    `Signing tests need ${missing.join(', ')}: apt-get install poppler-utils libnss3-tools openssl`,
  );
}

// 01:02:03 UTC is 08:02:03 in Vietnam (UTC+7); the agency seals an hour later.
const LEADER_TIME = new Date('2026-07-01T01:02:03Z');
const AGENCY_TIME = new Date('2026-07-01T02:02:03Z');

/** The bytes of /Contents of the n-th signature, read straight from its /ByteRange gap. */
function extractCms(pdf: Uint8Array, n: number): { cms: Uint8Array; signed: Buffer } {
  const text = Buffer.from(pdf).toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const [a, b, c, d] = ranges[n]!.slice(1).map(Number) as [number, number, number, number];
  const hex = text.slice(a + b + 1, c - 1);
  const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  return { cms: new Uint8Array(Buffer.from(hex, 'hex')), signed };
}

describe('signPdf: PAdES B-B as poppler and openssl see it', () => {
  let fx: TSigningFixture;
  let bench: PopplerBench;
  let original: Buffer;
  let leader: Uint8Array;
  let sealed: Uint8Array;

  beforeAll(async () => {
    fx = await signingFixture();
    bench = new PopplerBench(fx.ca.certificatePem);
    original = await renderPdf(
      [
        { text: 'QUYẾT ĐỊNH', bold: true, alignment: 'center' },
        { text: 'Về việc tổ chức Hội thi năng lực ứng dụng công nghệ thông tin, chuyển đổi số' },
        'Ủy ban nhân dân thành phố Cần Thơ quyết định: Điều 1. Tổ chức Hội thi năm 2026.',
      ],
      { title: 'Quyết định tổ chức Hội thi' },
    );
    leader = await signPdf(original, {
      signer: fx.candidateKey,
      signingTime: LEADER_TIME,
      reason: 'Phê duyệt văn bản',
      location: 'TP. Cần Thơ',
      appearance: {
        page: 1,
        x: 330,
        y: 600,
        width: 200,
        height: 90,
        image: signaturePng(),
        extraLines: ['Chủ tịch'],
      },
    });
    sealed = await signPdf(leader, {
      signer: fx.agencyKey,
      signingTime: AGENCY_TIME,
      reason: 'Phát hành văn bản',
      appearance: { page: 1, x: 330, y: 520, width: 200, height: 70, mark: 'seal' },
    });
  });
  afterAll(() => bench?.close());

  it('appends to the file: every earlier byte is kept', () => {
    expect(Buffer.from(leader.subarray(0, original.length)).equals(original)).toBe(true);
    expect(Buffer.from(sealed.subarray(0, leader.length)).equals(Buffer.from(leader))).toBe(true);
  });

  it('is valid and trusted for pdfsig, with the Vietnamese name intact', () => {
    const [block, more] = pdfsigBlocks(bench.pdfsig(leader));
    expect(more).toBeUndefined();
    expect(block).toContain(`Signer Certificate Common Name: ${CANDIDATE_NAME}`);
    expect(block).toContain('Signature Type: ETSI.CAdES.detached');
    expect(block).toContain('Signature Validation: Signature is Valid.');
    expect(block).toContain('Certificate Validation: Certificate is Trusted.');
    expect(block).toContain('Total document signed');
  });

  it('is rejected by pdfsig and by our verifier when one signed byte changes', async () => {
    // Byte 7 is the minor version digit of "%PDF-1.x": the file still parses, but the hash changes.
    const header = Buffer.from(leader);
    header[7] = header[7] === 0x34 ? 0x35 : 0x34;
    // The /M digit of the signature dictionary lies in the second signed range.
    const text = Buffer.from(leader).toString('latin1');
    const timeDigit = text.indexOf('/M (D:2026') + 6;
    const claimed = Buffer.from(leader);
    claimed[timeDigit] = 0x37; // 2026 → 7026 … a different claimed year
    for (const tampered of [header, claimed]) {
      const [block] = pdfsigBlocks(bench.pdfsig(tampered));
      expect(block).not.toContain('Signature is Valid.');
      expect(block).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
      const ours = await verifyPdf(tampered, { trusted: [fx.ca.certificatePem] });
      expect(ours.valid).toBe(false);
      expect(ours.signatures[0]!.digestMatches).toBe(false);
      expect(ours.signatures[0]!.messages).toContain('Nội dung tài liệu đã bị thay đổi sau khi ký.');
    }
  });

  it('keeps the leader’s signature valid after the agency seal, for pdfsig and for us', async () => {
    const blocks = pdfsigBlocks(bench.pdfsig(sealed));
    expect(blocks).toHaveLength(2);
    for (const block of blocks) {
      expect(block).toContain('Signature Validation: Signature is Valid.');
      expect(block).toContain('Certificate Validation: Certificate is Trusted.');
    }
    expect(blocks[0]).toContain(`Common Name: ${CANDIDATE_NAME}`);
    expect(blocks[0]).toContain('Not total document signed');
    expect(blocks[1]).toContain(`Common Name: ${AGENCY_NAME}`);
    expect(blocks[1]).toContain('Total document signed');

    const ours = await verifyPdf(sealed, { trusted: [fx.ca.certificatePem] });
    expect(ours.valid).toBe(true);
    const [first, second] = ours.signatures;
    expect(first).toMatchObject({
      fieldName: 'Signature1',
      signerName: CANDIDATE_NAME,
      signerUid: 'SBD:TS0123',
      issuerName: CA_NAME,
      certificateSerial: fx.candidate.serialNumber,
      signingTime: LEADER_TIME.toISOString(),
      valid: true,
      coversWholeDocument: false,
    });
    expect(second).toMatchObject({
      fieldName: 'Signature2',
      signerName: AGENCY_NAME,
      issuerName: CA_NAME,
      signingTime: AGENCY_TIME.toISOString(),
      valid: true,
      coversWholeDocument: true,
    });
  });

  it('signs with PAdES attributes: signing-certificate-v2, no signing-time, RSASSA-PSS', () => {
    for (const n of [0, 1]) {
      const { cms } = extractCms(sealed, n);
      const info = new pkijs.ContentInfo({ schema: asn1js.fromBER(cms).result });
      const signedData = new pkijs.SignedData({ schema: info.content });
      const signer = signedData.signerInfos[0]!;
      const types = signer.signedAttrs!.attributes.map((a) => a.type);
      expect(types).toContain(OID_SIGNING_CERTIFICATE_V2);
      expect(types).not.toContain(OID_SIGNING_TIME);
      expect(signer.signatureAlgorithm.algorithmId).toBe('1.2.840.113549.1.1.10');
      // The signer certificate and the CA certificate travel with the signature.
      expect(signedData.certificates).toHaveLength(2);
    }
  });

  it('verifies with openssl cms over the signed byte ranges', () => {
    const { cms, signed } = extractCms(leader, 0);
    bench.file('sig.der', cms);
    bench.file('signed.bin', signed);
    bench.file('ca.pem', Buffer.from(fx.ca.certificatePem));
    const check = bench.openssl([
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      'sig.der',
      '-content',
      'signed.bin',
      '-CAfile',
      'ca.pem',
      '-purpose',
      'any',
      '-attime',
      String(LEADER_TIME.getTime() / 1000),
      '-out',
      '/dev/null',
    ]);
    expect(check.output).toContain('Verification successful');
    const printed = bench.openssl(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'sig.der']).output;
    expect(printed).toContain('signingCertificateV2');
    expect(printed).not.toMatch(/signingTime/);
  });

  it('shows the name and the Vietnam time on the page', () => {
    const text = bench.pdftotext(sealed);
    expect(text).toContain(`Ký bởi: ${CANDIDATE_NAME}`);
    expect(text).toContain('Thời gian ký: 01/07/2026 08:02:03');
    expect(text).toContain('Văn phòng UBND');
    expect(text).toContain('QUYẾT ĐỊNH');
  });

  it('also validates with PKCS#1 v1.5 padding and on an invisible signature', async () => {
    const signed = await signPdf(original, {
      signer: fx.candidateKey,
      signingTime: LEADER_TIME,
      scheme: 'RSASSA-PKCS1-v1_5',
    });
    const [block] = pdfsigBlocks(bench.pdfsig(signed));
    expect(block).toContain('Signature Validation: Signature is Valid.');
    const ours = await verifyPdf(signed, { trusted: [fx.ca.certificatePem] });
    expect(ours.signatures[0]).toMatchObject({ valid: true, signatureAlgorithm: 'RSASSA-PKCS1-v1_5' });
  });

  it('signs other writers’ PDFs too: object and cross-reference streams (pdf-lib output), twice', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    const compact = await doc.save({ useObjectStreams: true });
    const once = await signPdf(compact, {
      signer: fx.candidateKey,
      signingTime: LEADER_TIME,
      appearance: { page: 1, x: 40, y: 40, width: 180, height: 80 },
    });
    const twice = await signPdf(once, { signer: fx.agencyKey, signingTime: AGENCY_TIME });
    const blocks = pdfsigBlocks(bench.pdfsig(twice));
    expect(blocks).toHaveLength(2);
    for (const block of blocks) expect(block).toContain('Signature Validation: Signature is Valid.');
    expect((await verifyPdf(twice, { trusted: [fx.ca.certificatePem] })).valid).toBe(true);
  });

  it('refuses what it cannot sign, in Vietnamese', async () => {
    const base = { signer: fx.candidateKey, signingTime: LEADER_TIME };
    await expect(signPdf(Buffer.from('không phải PDF'), base)).rejects.toMatchObject({
      code: 'unsupported_file_type',
    });
    await expect(
      signPdf(original, { ...base, appearance: { page: 2, x: 0, y: 0, width: 100, height: 50 } }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      message: 'Tài liệu không có trang 2 để đặt chữ ký.',
    });
    await expect(signPdf(leader, { ...base, fieldName: 'Signature1' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(
      signPdf(original, {
        ...base,
        appearance: { page: 1, x: 0, y: 0, width: 100, height: 50, image: new Uint8Array(8) },
      }),
    ).rejects.toMatchObject({ code: 'unsupported_file_type', message: 'Ảnh chữ ký phải là tệp PNG hợp lệ.' });
  });
});
