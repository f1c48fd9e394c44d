import {
  PDFArray,
  type PDFContext,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
} from 'pdf-lib';
import { AppError } from '../../core/shared/app-error';
import { buildPadesCms, type TSignerKey } from './build-cms';
import {
  appendIncrement,
  highestObjectNumber,
  serializeObject,
  type TUpdatedObject,
} from './incremental-update';
import { parseCertificate, type TRsaScheme } from './key-material';
import { buildAppearance } from './signature-appearance';
import { fieldNames } from './signature-fields';
import type { TDefaultMark } from './signature-marks';
import {
  digestByteRange,
  locatePlaceholder,
  signatureDictionary,
  writeByteRange,
  writeContents,
} from './signature-placeholder';
import { formatPdfDate, formatSigningTimeVn } from './signing-time';
import { readName } from './x509-name';

/** Where the visible stamp goes: a page (1-based) and a box in PDF points from the page's lower left. */
export interface TSignatureBox {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The handwritten signature or seal, PNG with a transparent background. */
  image?: Uint8Array;
  /** What to draw when there is no image: a blue flourish (default) or a red seal. */
  mark?: TDefaultMark;
  /** Image above the text, or beside it; by default beside for a seal, above for a signature. */
  layout?: 'stacked' | 'side';
  /** Extra lines between the name and the time, e.g. the position or the agency. */
  extraLines?: string[];
  fontSize?: number;
}

export interface TSignPdfOptions {
  signer: TSignerKey;
  /** The claimed signing time: written in /M and shown on the stamp. */
  signingTime: Date;
  /** Shown as "Ký bởi" and written in /Name; defaults to the certificate's CN. */
  name?: string;
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** Signature field name; "Signature1", "Signature2"… by default. */
  fieldName?: string;
  /** Visible stamp; without it the signature is invisible. */
  appearance?: TSignatureBox;
  /** RSASSA-PSS by default (see build-cms.ts). */
  scheme?: TRsaScheme;
}

/**
 * Signs a PDF with a PAdES B-B signature (ETSI.CAdES.detached), appended as an incremental update:
 * every byte of the input is kept, so earlier signatures (the leader's, before the clerk's agency
 * seal) stay valid. Returns the signed file.
 */
export async function signPdf(pdf: Uint8Array, opts: TSignPdfOptions): Promise<Uint8Array> {
  const doc = await loadPdf(pdf);
  const context = doc.context;
  // New objects are numbered above every number the file has used, including the object and
  // cross-reference streams pdf-lib hides once parsed.
  const baseLargest = Math.max(context.largestObjectNumber, highestObjectNumber(pdf));
  context.largestObjectNumber = baseLargest;
  const changed = new Set<PDFRef>();

  const name = (opts.name ?? signerCommonName(opts.signer) ?? '').normalize('NFC');
  const fieldName = chooseFieldName(context, opts.fieldName);
  const pages = doc.getPages();
  const box = opts.appearance;
  const pageNo = box?.page ?? 1;
  const page = pages[pageNo - 1];
  if (!page || !Number.isInteger(pageNo)) {
    throw new AppError('validation_failed', `Tài liệu không có trang ${pageNo} để đặt chữ ký.`);
  }
  if (box && ![box.x, box.y, box.width, box.height].every(Number.isFinite)) {
    throw new AppError('validation_failed', 'Vị trí khung chữ ký không hợp lệ.');
  }
  if (box && (box.width < 20 || box.height < 10)) {
    throw new AppError('validation_failed', 'Khung chữ ký quá nhỏ (tối thiểu 20 × 10 điểm).');
  }

  const sigRef = context.nextRef();
  const widget = context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    // Print + Locked: the stamp prints and cannot be moved.
    F: 132,
    Rect: box ? [box.x, box.y, box.x + box.width, box.y + box.height] : [0, 0, 0, 0],
    P: page.ref,
    V: sigRef,
  });
  widget.set(
    PDFName.of('T'),
    /^[A-Za-z0-9 _-]*$/.test(fieldName) ? PDFString.of(fieldName) : PDFHexString.fromText(fieldName),
  );
  if (box) {
    const lines = [
      `Ký bởi: ${name}`,
      ...(box.extraLines ?? []),
      `Thời gian ký: ${formatSigningTimeVn(opts.signingTime)}`,
    ];
    const ap = await buildAppearance(doc, {
      width: box.width,
      height: box.height,
      lines,
      image: box.image,
      mark: box.mark ?? 'signature',
      layout: box.layout,
      fontSize: box.fontSize,
    });
    widget.set(PDFName.of('AP'), context.obj({ N: ap }));
  }
  const widgetRef = context.register(widget);

  arrayIn(context, page.node, page.ref, 'Annots', changed).push(widgetRef);
  const acroForm = acroFormOf(context, changed);
  arrayIn(context, acroForm.dict, acroForm.owner, 'Fields', changed).push(widgetRef);
  const flags = acroForm.dict.lookupMaybe(PDFName.of('SigFlags'), PDFNumber)?.asNumber() ?? 0;
  // SignaturesExist | AppendOnly: tells editors to save further changes incrementally.
  acroForm.dict.set(PDFName.of('SigFlags'), PDFNumber.of(flags | 3));
  changed.add(acroForm.owner);

  await doc.flush(); // writes the font subset and image objects into the context

  const objects: TUpdatedObject[] = [];
  for (const [ref, obj] of context.enumerateIndirectObjects()) {
    if (ref.objectNumber > baseLargest || changed.has(ref)) objects.push({ ref, body: serializeObject(obj) });
  }
  const capacity = contentsCapacity(opts.signer);
  const sigInfo = {
    signingTime: formatPdfDate(opts.signingTime),
    name,
    reason: opts.reason,
    location: opts.location,
    contactInfo: opts.contactInfo,
  };
  objects.push({ ref: sigRef, body: signatureDictionary(sigInfo, capacity) });

  const { bytes, offsets } = appendIncrement(pdf, objects, {
    size: context.largestObjectNumber + 1,
    entries: trailerEntries(context),
  });
  const at = locatePlaceholder(bytes, offsets.get(sigRef.objectNumber)!);
  writeByteRange(bytes, at);
  const cms = await buildPadesCms(digestByteRange(bytes, at), opts.signer, opts.scheme);
  writeContents(bytes, at, cms);
  return bytes;
}

async function loadPdf(pdf: Uint8Array): Promise<PDFDocument> {
  try {
    // updateMetadata: false, or pdf-lib would change /Info's ModDate and Producer in memory.
    return await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (e) {
    const encrypted = e instanceof Error && /encrypted/i.test(e.message);
    throw new AppError(
      'unsupported_file_type',
      encrypted ? 'Không ký được tệp PDF đã mã hóa.' : 'Tệp không phải PDF hợp lệ, không ký được.',
    );
  }
}

function signerCommonName(signer: TSignerKey): string | undefined {
  return readName(parseCertificate(signer.certificate).subject).commonName;
}

function chooseFieldName(context: PDFContext, wanted: string | undefined): string {
  const taken = fieldNames(context);
  if (wanted !== undefined) {
    if (!wanted || wanted.includes('.') || taken.has(wanted)) {
      throw new AppError('validation_failed', `Tên trường chữ ký "${wanted}" không hợp lệ hoặc đã có.`);
    }
    return wanted;
  }
  for (let i = 1; ; i++) if (!taken.has(`Signature${i}`)) return `Signature${i}`;
}

/**
 * The array stored under `key` in `holder` (created when missing), noting which indirect object must
 * be rewritten: the array's own when it is indirect, otherwise the holder's.
 */
function arrayIn(context: PDFContext, holder: PDFDict, holderRef: PDFRef, key: string, changed: Set<PDFRef>) {
  const value = holder.get(PDFName.of(key));
  if (value instanceof PDFRef) {
    const array = context.lookupMaybe(value, PDFArray);
    if (array) {
      changed.add(value);
      return array;
    }
  }
  if (value instanceof PDFArray) {
    changed.add(holderRef);
    return value;
  }
  const array = context.obj([]);
  holder.set(PDFName.of(key), array);
  changed.add(holderRef);
  return array;
}

/** The catalog's AcroForm and the indirect object that holds it, created when the PDF has none. */
function acroFormOf(context: PDFContext, changed: Set<PDFRef>): { dict: PDFDict; owner: PDFRef } {
  const rootRef = context.trailerInfo.Root;
  if (!(rootRef instanceof PDFRef))
    throw new AppError('unsupported_file_type', 'Tệp PDF không có mục lục (Root).');
  const catalog = context.lookup(rootRef, PDFDict);
  const value = catalog.get(PDFName.of('AcroForm'));
  if (value instanceof PDFRef) {
    const dict = context.lookupMaybe(value, PDFDict);
    if (dict) return { dict, owner: value };
  }
  if (value instanceof PDFDict) return { dict: value, owner: rootRef };
  const dict = context.obj({});
  const ref = context.register(dict);
  catalog.set(PDFName.of('AcroForm'), ref);
  changed.add(rootRef);
  return { dict, owner: ref };
}

function trailerEntries(context: PDFContext): string[] {
  const { Root, Info, ID } = context.trailerInfo;
  const entries = [`/Root ${Root!.toString()}`];
  if (Info) entries.push(`/Info ${Info.toString()}`);
  if (ID) entries.push(`/ID ${ID.toString()}`);
  return entries;
}

/**
 * Bytes reserved for the CMS: the embedded certificates plus room for a 4096-bit signature and the
 * signed attributes (about 600 bytes with a long Vietnamese issuer name), with margin.
 */
function contentsCapacity(signer: TSignerKey): number {
  const certs = [signer.certificate, ...signer.chain].map((c) =>
    parseCertificate(c).toSchema(true).toBER(false),
  );
  return certs.reduce((sum, der) => sum + der.byteLength, 0) + 512 + 1536;
}
