/**
 * A Content-Disposition header for a file the candidate opens: `inline` lets the browser's own viewer
 * show it, `attachment` saves it. The name goes twice: as RFC 5987 `filename*` (UTF-8, so "Kế hoạch
 * số 12.pdf" survives) and as a plain ASCII `filename` for clients that know no better.
 */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const name = fileName.normalize('NFC');
  return `${kind}; filename="${asciiName(name)}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

/** RFC 5987 value characters: encodeURIComponent leaves ' ( ) * ! unescaped, which the RFC does not allow. */
function encodeRfc5987(text: string): string {
  return encodeURIComponent(text).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** The name without diacritics and without anything a quoted string cannot hold. */
function asciiName(name: string): string {
  const plain = name
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%;]/g, '_')
    .trim();
  return plain || 'tep';
}
