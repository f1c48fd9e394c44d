import { createHash } from 'node:crypto';
import { PDFHexString } from 'pdf-lib';

/** The signature dictionary's descriptive entries (ISO 32000-1 Table 252). */
export interface TSignatureInfo {
  /** /M, written in Vietnam time. */
  signingTime: string;
  name: string;
  reason?: string;
  location?: string;
  contactInfo?: string;
}

const BYTE_RANGE_PLACEHOLDER = '[0 9999999999 9999999999 9999999999]';

/** A PDF text string in UTF-16BE with BOM, hex-encoded: safe for any Vietnamese text. */
const text = (s: string) => PDFHexString.fromText(s.normalize('NFC')).toString();

/**
 * The body of a PAdES signature dictionary with a fixed-width /ByteRange and a zero-filled /Contents
 * of `capacity` bytes, to be filled by `fillSignature` once the file around it is final.
 */
export function signatureDictionary(info: TSignatureInfo, capacity: number): Uint8Array {
  const entries = [
    '/Type /Sig',
    '/Filter /Adobe.PPKLite',
    '/SubFilter /ETSI.CAdES.detached',
    `/ByteRange ${BYTE_RANGE_PLACEHOLDER}`,
    `/Contents <${'0'.repeat(capacity * 2)}>`,
    `/M (${info.signingTime})`,
    `/Name ${text(info.name)}`,
  ];
  if (info.reason) entries.push(`/Reason ${text(info.reason)}`);
  if (info.location) entries.push(`/Location ${text(info.location)}`);
  if (info.contactInfo) entries.push(`/ContactInfo ${text(info.contactInfo)}`);
  return new Uint8Array(Buffer.from(`<<\n${entries.join('\n')}\n>>`, 'latin1'));
}

/** Where the placeholder sits in the final file, and the /ByteRange that excludes it. */
export interface TPlaceholder {
  byteRange: [number, number, number, number];
  /** Offset of the "[" of the /ByteRange array. */
  byteRangeAt: number;
  /** Offset of the "<" of /Contents, and of the byte after its ">". */
  contentsStart: number;
  contentsEnd: number;
}

/** Finds the placeholder of the signature dictionary written at `objectOffset` in `pdf`. */
export function locatePlaceholder(pdf: Uint8Array, objectOffset: number): TPlaceholder {
  const buf = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const byteRangeAt = buf.indexOf(`/ByteRange ${BYTE_RANGE_PLACEHOLDER}`, objectOffset, 'latin1') + 11;
  const contentsStart = buf.indexOf('/Contents <', objectOffset, 'latin1') + 10;
  if (byteRangeAt < 11 || contentsStart < 10) throw new Error('Signature placeholder not found');
  const contentsEnd = buf.indexOf('>', contentsStart, 'latin1') + 1;
  return {
    byteRangeAt,
    contentsStart,
    contentsEnd,
    byteRange: [0, contentsStart, contentsEnd, pdf.length - contentsEnd],
  };
}

/** Writes the real /ByteRange over the placeholder (same width, space-padded) in place. */
export function writeByteRange(pdf: Uint8Array, at: TPlaceholder): void {
  const value = `[${at.byteRange.join(' ')}]`;
  if (value.length > BYTE_RANGE_PLACEHOLDER.length) throw new Error('ByteRange does not fit its placeholder');
  Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).write(
    value.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' '),
    at.byteRangeAt,
    'latin1',
  );
}

/** SHA-256 of the two signed ranges: everything but the /Contents hex string. */
export function digestByteRange(pdf: Uint8Array, at: TPlaceholder): Uint8Array {
  const [a, b, c, d] = at.byteRange;
  const hash = createHash('sha256');
  hash.update(pdf.subarray(a, a + b));
  hash.update(pdf.subarray(c, c + d));
  return new Uint8Array(hash.digest());
}

/** Writes the CMS as hex into /Contents, zero-padded; throws when it is larger than reserved. */
export function writeContents(pdf: Uint8Array, at: TPlaceholder, cms: Uint8Array): void {
  const room = at.contentsEnd - at.contentsStart - 2;
  const hex = Buffer.from(cms).toString('hex').toUpperCase();
  if (hex.length > room) throw new Error(`CMS of ${cms.length} bytes exceeds the ${room / 2} reserved`);
  Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).write(hex, at.contentsStart + 1, 'latin1');
}
