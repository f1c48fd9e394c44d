import { AppError } from '../../core/shared/app-error';
import { readZipDirectory } from './zip-directory';

/** A file type evidence may have, judged from the bytes. */
export interface EvidenceType {
  mime: string;
  /** Name endings that may carry this content (the first is used when the name has none). */
  extensions: string[];
  label: string;
}

const PDF: EvidenceType = { mime: 'application/pdf', extensions: ['pdf'], label: 'PDF' };
const PNG: EvidenceType = { mime: 'image/png', extensions: ['png'], label: 'ảnh PNG' };
const JPEG: EvidenceType = { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'ảnh JPEG' };
const DOCX: EvidenceType = {
  mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extensions: ['docx'],
  label: 'Word (.docx)',
};
const XLSX: EvidenceType = {
  mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extensions: ['xlsx'],
  label: 'Excel (.xlsx)',
};
const ODT: EvidenceType = {
  mime: 'application/vnd.oasis.opendocument.text',
  extensions: ['odt'],
  label: 'ODT',
};
const ODS: EvidenceType = {
  mime: 'application/vnd.oasis.opendocument.spreadsheet',
  extensions: ['ods'],
  label: 'ODS',
};
const OLE: EvidenceType = {
  mime: 'application/x-ole-storage',
  extensions: ['doc', 'xls'],
  label: 'Word/Excel 97–2003',
};

export const EVIDENCE_ACCEPTED = 'PDF, ảnh PNG/JPEG, Word, Excel, ODT/ODS';

function zipType(data: Buffer): EvidenceType | null {
  let names: string[];
  try {
    names = readZipDirectory(data, 5000).map((e) => e.name);
  } catch {
    return null;
  }
  if (names.includes('word/document.xml')) return DOCX;
  if (names.includes('xl/workbook.xml')) return XLSX;
  if (names.includes('mimetype') && names.includes('content.xml')) {
    // The OpenDocument kind is in the stored `mimetype` member, which the format puts first, uncompressed.
    const text = data.subarray(0, 200).toString('latin1');
    if (text.includes('opendocument.text')) return ODT;
    if (text.includes('opendocument.spreadsheet')) return ODS;
  }
  return null;
}

function contentType(data: Buffer): EvidenceType | null {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return PDF;
  if (data.length >= 8 && data.readUInt32BE(0) === 0x89504e47 && data.readUInt32BE(4) === 0x0d0a1a0a)
    return PNG;
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return JPEG;
  if (data.length >= 8 && data.readUInt32BE(0) === 0xd0cf11e0 && data.readUInt32BE(4) === 0xa1b11ae1)
    return OLE;
  if (data.length >= 4 && data.readUInt32LE(0) === 0x04034b50) return zipType(data);
  return null;
}

/**
 * The type of an evidence file from its content. A file whose bytes are none of the accepted kinds is
 * refused, and so is one whose name claims another kind (a renamed file is a mistake or a trick).
 */
export function sniffEvidence(data: Buffer, filename: string): EvidenceType {
  if (data.length === 0) throw new AppError('unsupported_file_type', 'Tệp rỗng');
  const type = contentType(data);
  if (!type) {
    throw new AppError(
      'unsupported_file_type',
      `Loại tệp không được chấp nhận. Chỉ nhận: ${EVIDENCE_ACCEPTED}`,
    );
  }
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  if (ext && !type.extensions.includes(ext)) {
    throw new AppError(
      'unsupported_file_type',
      `Tệp "${filename}" có đuôi .${ext} nhưng nội dung là ${type.label}: hãy kiểm tra lại tệp`,
    );
  }
  return type;
}
