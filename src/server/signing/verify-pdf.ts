import { createHash, X509Certificate } from 'node:crypto';
import { PDFArray, type PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { checkChain } from './check-chain';
import { inspectCms } from './inspect-cms';
import { fromPem } from './pem';
import { signatureFields } from './signature-fields';
import { parsePdfDate } from './signing-time';
import type { TPdfVerification, TSignatureVerification } from './verification-result';
import { readName } from './x509-name';

export interface TVerifyOptions {
  /** CA certificates to trust (PEM or DER): the contest CA. */
  trusted: (string | Uint8Array)[];
}

/**
 * Checks every signature of a PDF on its own terms (byte range, digest, CMS signature, chain to the
 * trusted CA, validity at /M) and says whether later revisions were appended after it. Never throws
 * on a bad file: the answer says what is wrong, in Vietnamese.
 */
export async function verifyPdf(pdf: Uint8Array, opts: TVerifyOptions): Promise<TPdfVerification> {
  const trusted = opts.trusted.map(
    (t) => new X509Certificate(Buffer.from(typeof t === 'string' ? fromPem(t, 'CERTIFICATE') : t)),
  );
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  } catch {
    return { valid: false, signatures: [], messages: ['Không đọc được tệp PDF.'] };
  }
  const signatures = signatureFields(doc.context)
    .filter((f) => f.signature)
    .map((f) => verifySignature(pdf, f.name, f.signature!, trusted));
  const messages = signatures.length === 0 ? ['Tài liệu không có chữ ký số.'] : [];
  return { valid: signatures.length > 0 && signatures.every((s) => s.valid), signatures, messages };
}

function verifySignature(
  pdf: Uint8Array,
  fieldName: string,
  sig: PDFDict,
  trusted: X509Certificate[],
): TSignatureVerification {
  const messages: string[] = [];
  const subFilter = sig.lookupMaybe(PDFName.of('SubFilter'), PDFName)?.decodeText() ?? null;
  const m = sig.lookup(PDFName.of('M'));
  const signingDate =
    m instanceof PDFString || m instanceof PDFHexString ? parsePdfDate(m.decodeText()) : null;

  const range = readByteRange(pdf, sig);
  const cms = inspectCms(range?.contents ?? new Uint8Array());
  const signer = cms.signer;
  const subject = signer ? readName(signer.subject) : {};
  const issuer = signer ? readName(signer.issuer) : {};

  let digestMatches = false;
  if (range && cms.digestAlgorithm && cms.messageDigest) {
    const [a, b, c, d] = range.byteRange;
    const hash = createHash(cms.digestAlgorithm);
    hash.update(pdf.subarray(a, a + b)).update(pdf.subarray(c, c + d));
    digestMatches = hash.digest().equals(cms.messageDigest);
  }
  const chain = signer ? checkChain(signer, cms.certificates, trusted, signingDate) : null;
  const certificateTrusted = !!chain?.trusted && chain.keyUsageOk;
  const certificateValidAtSigningTime = !!chain?.validAt;
  const signerSubstituted = cms.hasSigningCertificateV2 && !cms.signingCertificateMatches;
  const byteRangeValid = !!range?.valid;
  const coversWholeDocument = !!range && trimmedLength(pdf.subarray(0, range.end)) === trimmedLength(pdf);

  if (!range) messages.push('Không đọc được vùng ký (/ByteRange, /Contents) của chữ ký.');
  else if (!range.valid)
    messages.push('Vùng ký (/ByteRange) không bao trọn phiên bản tài liệu ngoài phần chữ ký.');
  if (cms.error || !signer)
    messages.push('Không đọc được dữ liệu chữ ký (CMS) hoặc chứng thư số của người ký.');
  if (range && signer && !digestMatches) messages.push('Nội dung tài liệu đã bị thay đổi sau khi ký.');
  if (signer && !cms.signatureVerified) messages.push('Chữ ký số không khớp với chứng thư số của người ký.');
  if (signerSubstituted)
    messages.push('Thuộc tính signing-certificate-v2 không khớp chứng thư số của người ký.');
  if (signer && !chain?.trusted) messages.push('Chứng thư số không do tổ chức chứng thực tin cậy cấp.');
  if (chain && !chain.keyUsageOk) messages.push('Chứng thư số không được phép dùng để ký.');
  if (!signingDate) messages.push('Chữ ký không ghi thời điểm ký (/M).');
  else if (chain && !chain.validAt) messages.push('Chứng thư số không còn hiệu lực tại thời điểm ký.');

  const valid =
    byteRangeValid &&
    digestMatches &&
    cms.signatureVerified &&
    !signerSubstituted &&
    certificateTrusted &&
    certificateValidAtSigningTime;
  if (valid) messages.unshift('Chữ ký hợp lệ.');
  if (range && !coversWholeDocument) {
    messages.push('Tài liệu đã được bổ sung sau chữ ký này (ví dụ một chữ ký tiếp theo).');
  }
  if (subFilter !== 'ETSI.CAdES.detached')
    messages.push(`Chữ ký không theo PAdES (SubFilter ${subFilter ?? 'trống'}).`);
  if (cms.hasSigningTime) messages.push('Chữ ký có thuộc tính signing-time, trái với PAdES cơ bản.');
  if (signer && !cms.hasSigningCertificateV2)
    messages.push('Chữ ký thiếu thuộc tính signing-certificate-v2 của PAdES.');

  return {
    fieldName,
    signerName: subject.commonName ?? null,
    signerUid: subject.uid ?? null,
    signerOrganization: subject.organization ?? null,
    issuerName: issuer.commonName ?? null,
    certificateSerial: signer
      ? Buffer.from(signer.serialNumber.valueBlock.valueHexView).toString('hex').toUpperCase()
      : null,
    signingTime: signingDate?.toISOString() ?? null,
    subFilter,
    signatureAlgorithm: cms.signatureAlgorithm,
    byteRangeValid,
    digestMatches,
    signatureVerified: cms.signatureVerified,
    certificateTrusted,
    certificateValidAtSigningTime,
    coversWholeDocument,
    padesBaseline:
      subFilter === 'ETSI.CAdES.detached' &&
      cms.hasSigningCertificateV2 &&
      cms.signingCertificateMatches &&
      !cms.hasSigningTime &&
      signingDate !== null,
    hasSigningTimeAttribute: cms.hasSigningTime,
    hasSigningCertificateV2: cms.hasSigningCertificateV2,
    valid,
    messages,
  };
}

interface TByteRange {
  byteRange: [number, number, number, number];
  /** The CMS bytes read from the gap itself (not from the parsed object). */
  contents: Uint8Array;
  /** Where the signed revision ends. */
  end: number;
  valid: boolean;
}

/**
 * Reads /ByteRange and the bytes of its gap. Valid means: [0 b c d] with the gap holding exactly one
 * hex string equal to /Contents, and the second range ending at an %%EOF, so the signature covers a
 * whole revision and leaves nothing out but itself.
 */
function readByteRange(pdf: Uint8Array, sig: PDFDict): TByteRange | null {
  const arr = sig.lookupMaybe(PDFName.of('ByteRange'), PDFArray);
  const nums = arr?.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : Number.NaN));
  if (nums?.length !== 4 || !nums.every((n) => Number.isInteger(n) && n >= 0)) return null;
  const [a, b, c, d] = nums as [number, number, number, number];
  const end = c + d;
  if (b > c || end > pdf.length) return null;
  const gap = Buffer.from(pdf.subarray(a + b, c)).toString('latin1');
  const hex = /^<([0-9A-Fa-f\s]*)>$/.exec(gap)?.[1]?.replace(/\s+/g, '');
  if (hex === undefined || hex.length % 2 !== 0) return null;
  const contents = new Uint8Array(Buffer.from(hex, 'hex'));
  const declared = sig.lookup(PDFName.of('Contents'));
  const sameAsDeclared =
    (declared instanceof PDFHexString || declared instanceof PDFString) &&
    Buffer.from(declared.asBytes()).equals(contents);
  const revisionEnd = /%%EOF\s*$/.test(
    Buffer.from(pdf.subarray(Math.max(0, end - 16), end)).toString('latin1'),
  );
  return { byteRange: [a, b, c, d], contents, end, valid: a === 0 && sameAsDeclared && revisionEnd };
}

/** The file length without trailing whitespace: an end-of-line after %%EOF is not a new revision. */
function trimmedLength(pdf: Uint8Array): number {
  let n = pdf.length;
  while (n > 0 && [0x0a, 0x0d, 0x20, 0x00].includes(pdf[n - 1]!)) n--;
  return n;
}
