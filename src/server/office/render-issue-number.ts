import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { PDFArray, type PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { PDF_FONTS } from '../pdf/fonts';
import {
  appendIncrement,
  highestObjectNumber,
  serializeObject,
  type TUpdatedObject,
} from '../signing/incremental-update';
import type { DocumentLayout, PageBox } from './render-document-pdf';

/** Noto Sans ascender (1.069 em): pdfmake puts a line's baseline that far below its top. */
const ASCENDER = 1.069;
/** Print, ReadOnly and Locked: the filled-in number prints and cannot be edited or moved. */
const FLAGS = 4 | 64 | 128;

let fontBytes: Promise<Buffer> | undefined;

/** The page's /Annots array, created if missing, noting which object has to be rewritten. */
function annotsOf(doc: PDFDocument, pageIndex: number, changed: Set<PDFRef>): PDFArray {
  const page = doc.getPages()[pageIndex]!;
  const value = page.node.get(PDFName.of('Annots'));
  if (value instanceof PDFRef) {
    changed.add(value);
    return doc.context.lookup(value, PDFArray);
  }
  changed.add(page.ref);
  if (value instanceof PDFArray) return value;
  const array = doc.context.obj([]);
  page.node.set(PDFName.of('Annots'), array);
  return array;
}

/** The lines the văn thư writes into a draft, with the places the draft's rendering left for them. */
export interface IssueNumberInput {
  pdf: Uint8Array;
  layout: DocumentLayout;
  lines: { number: string; date: string };
}

/** The boxes of `layout` that have a line to write; none means the file stays as it is. */
export function issueNumberTargets(
  layout: DocumentLayout,
  lines: { number: string; date: string },
): [PageBox, string][] {
  return [
    [layout.number, lines.number],
    [layout.date, lines.date],
  ].filter((t): t is [PageBox, string] => t[0] !== undefined);
}

/**
 * Writes the number and the date as locked FreeText annotations in an incremental update (see
 * `stampIssueNumber`, which runs this off the main thread).
 */
export async function renderIssueNumber({ pdf, layout, lines }: IssueNumberInput): Promise<Uint8Array> {
  const targets = issueNumberTargets(layout, lines);
  if (targets.length === 0) return pdf;
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const context = doc.context;
  const baseLargest = Math.max(context.largestObjectNumber, highestObjectNumber(pdf));
  context.largestObjectNumber = baseLargest;
  doc.registerFontkit(fontkit);
  fontBytes ??= readFile(PDF_FONTS.NotoSans.normal);
  const font = await doc.embedFont(await fontBytes, { subset: true });
  const changed = new Set<PDFRef>();
  const size = layout.fontSize;

  for (const [box, raw] of targets) {
    const text = raw.normalize('NFC');
    const x = Math.max(0, (box.width - font.widthOfTextAtSize(text, size)) / 2);
    const baseline = box.height - size * ASCENDER;
    // A white ground hides the blank line under it; the text is centred as the rendering centred it.
    const ops = ['q', '1 1 1 rg', `0 0 ${box.width} ${box.height} re f`, '0 0 0 rg', 'BT', `/F1 ${size} Tf`];
    ops.push(
      `${x.toFixed(2)} ${baseline.toFixed(2)} Td`,
      `${font.encodeText(text).toString()} Tj`,
      'ET',
      'Q',
    );
    const appearance = context.register(
      context.flateStream(ops.join('\n'), {
        Type: 'XObject',
        Subtype: 'Form',
        BBox: [0, 0, box.width, box.height],
        Resources: { Font: { F1: font.ref } },
      }),
    );
    const page = doc.getPages()[box.page - 1]!;
    const annot: PDFDict = context.obj({
      Type: 'Annot',
      Subtype: 'FreeText',
      Rect: [box.x, box.y, box.x + box.width, box.y + box.height],
      F: FLAGS,
      P: page.ref,
      AP: { N: appearance },
    });
    // Text entries set as PDF strings: `context.obj` would turn a JS string into a name.
    annot.set(PDFName.of('DA'), PDFString.of(`/F1 ${size} Tf 0 g`));
    annot.set(PDFName.of('Contents'), PDFHexString.fromText(text));
    annotsOf(doc, box.page - 1, changed).push(context.register(annot));
  }
  await doc.flush(); // writes the font subset into the context

  const objects: TUpdatedObject[] = [];
  for (const [ref, obj] of context.enumerateIndirectObjects()) {
    if (ref.objectNumber > baseLargest || changed.has(ref)) objects.push({ ref, body: serializeObject(obj) });
  }
  const { Root, Info, ID } = context.trailerInfo;
  const entries = [`/Root ${Root!.toString()}`];
  if (Info) entries.push(`/Info ${Info.toString()}`);
  if (ID) entries.push(`/ID ${ID.toString()}`);
  return appendIncrement(pdf, objects, { size: context.largestObjectNumber + 1, entries }).bytes;
}
