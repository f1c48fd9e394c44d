import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont, PDFRef } from 'pdf-lib';
import { AppError } from '../../core/shared/app-error';
import { PDF_FONTS } from '../pdf/fonts';
import { defaultMark, type TDefaultMark } from './signature-marks';

/** What the visible stamp shows, in a box of the given size (points). */
export interface TAppearanceContent {
  width: number;
  height: number;
  /** Lines of text under the image: "Ký bởi: …", organisation, "Thời gian ký: …". NFC-normalised here. */
  lines: string[];
  /** The signature or seal image, PNG (transparent background, as ND 30 asks). */
  image?: Uint8Array;
  /** Drawn instead when no image is given. */
  mark: TDefaultMark;
  /** Image above the text (default for signatures) or beside it (default for seals). */
  layout?: 'stacked' | 'side';
  /** Preferred text size in points; shrunk to fit. */
  fontSize?: number;
}

let fontBytes: Promise<Buffer> | undefined;

/** Noto Sans Regular, shared with the PDF reports: the standard PDF fonts lack Vietnamese letters. */
function notoSans(): Promise<Buffer> {
  fontBytes ??= readFile(PDF_FONTS.NotoSans.normal);
  return fontBytes;
}

const num = (n: number) => Number(n.toFixed(3)).toString();
const PADDING = 2;
const LINE_GAP = 1.2;

/**
 * Builds the widget's normal appearance: a form XObject with the image (or vector mark) on top and the
 * text lines below, in an embedded, subset Noto Sans. Registers its objects in the document (fonts and
 * images are written when the caller flushes) and returns the XObject's reference.
 */
export async function buildAppearance(doc: PDFDocument, content: TAppearanceContent): Promise<PDFRef> {
  const { width, height } = content;
  const layout = content.layout ?? (content.mark === 'seal' ? 'side' : 'stacked');
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(await notoSans(), { subset: true });
  const inner = { x: PADDING, y: PADDING, w: width - 2 * PADDING, h: height - 2 * PADDING };
  // Stacked: the image over the text, the text taking at most 55% of the height. Side: a square
  // image on the left (at most 40% of the width), the text beside it.
  const imageSide = layout === 'side' ? Math.min(inner.h, inner.w * 0.4) : 0;
  const textArea =
    layout === 'side'
      ? { x: inner.x + imageSide + PADDING, y: inner.y, w: inner.w - imageSide - PADDING, h: inner.h }
      : { ...inner, h: inner.h * 0.55 };
  const lines = content.lines.map((l) => l.normalize('NFC'));
  const text = fitText(font, lines, textArea.w, textArea.h, content.fontSize ?? 8);
  const textHeight = text.lines.length * text.size * LINE_GAP;
  const imageArea =
    layout === 'side'
      ? { x: inner.x, y: inner.y + (inner.h - imageSide) / 2, w: imageSide, h: imageSide }
      : { x: inner.x, y: inner.y + textHeight + PADDING, w: inner.w, h: inner.h - textHeight - PADDING };

  const ops: string[] = ['q'];
  const xObjects: Record<string, PDFRef> = {};
  if (imageArea.h > 4 && imageArea.w > 4) {
    if (content.image) {
      const image = await doc.embedPng(content.image).catch(() => {
        throw new AppError('unsupported_file_type', 'Ảnh chữ ký phải là tệp PNG hợp lệ.');
      });
      xObjects.Im1 = image.ref;
      const fit = fitBox(image.width / image.height, imageArea);
      ops.push(`q ${num(fit.w)} 0 0 ${num(fit.h)} ${num(fit.x)} ${num(fit.y)} cm /Im1 Do Q`);
    } else {
      const mark = defaultMark(content.mark);
      const fit = fitBox(mark.aspect, imageArea);
      // The mark is drawn `aspect` wide and 1 high: one uniform scale keeps its strokes even.
      ops.push(`q ${num(fit.h)} 0 0 ${num(fit.h)} ${num(fit.x)} ${num(fit.y)} cm`, mark.ops, 'Q');
    }
  }
  // Text lines from the top of their area (vertically centred in the side layout).
  const top = layout === 'side' ? textArea.y + (textArea.h + textHeight) / 2 : textArea.y + textHeight;
  ops.push('BT', `/F1 ${num(text.size)} Tf`, '0 0 0 rg');
  text.lines.forEach((line, i) => {
    const baseline = top - (i + 1) * text.size * LINE_GAP + text.size * 0.3;
    ops.push(`1 0 0 1 ${num(textArea.x)} ${num(baseline)} Tm`, `${font.encodeText(line).toString()} Tj`);
  });
  ops.push('ET', 'Q');

  const stream = doc.context.flateStream(ops.join('\n'), {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, width, height],
    Resources: { Font: { F1: font.ref }, XObject: xObjects },
  });
  return doc.context.register(stream);
}

/** The largest box of this aspect ratio inside `box`, centred. */
function fitBox(aspect: number, box: { x: number; y: number; w: number; h: number }) {
  const w = Math.min(box.w, box.h * aspect);
  const h = w / aspect;
  return { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h };
}

/**
 * Wraps the lines at word boundaries to `maxWidth`, shrinking the size (not below 4 pt) until the
 * wrapped text fits `maxHeight`.
 */
function fitText(font: PDFFont, input: string[], maxWidth: number, maxHeight: number, preferred: number) {
  let size = preferred;
  for (;;) {
    const lines = input.flatMap((l) => wrap(font, l, maxWidth, size));
    if (size <= 4 || lines.length * size * LINE_GAP <= maxHeight) return { size, lines };
    size = Math.max(4, size - 0.5);
  }
}

function wrap(font: PDFFont, text: string, maxWidth: number, size: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = current ? `${current} ${word}` : word;
    if (current && font.widthOfTextAtSize(next, size) > maxWidth) {
      out.push(current);
      current = word;
    } else current = next;
  }
  if (current) out.push(current);
  return out;
}
