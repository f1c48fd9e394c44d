import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { FONT_FILES, PDF_FONTS } from './fonts';

pdfmake.setFonts(PDF_FONTS);
// A document never fetches anything: only the shipped fonts may be read, and no URL at all.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => FONT_FILES.has(path));

/** Vietnamese text in NFC: decomposed tone marks would render as separate glyphs and break search. */
export const nfc = (text: string | null | undefined): string => (text ?? '').normalize('NFC');

/** Renders a document in Noto Sans on A4 (margins in points); `info` becomes the PDF's metadata. */
export async function renderPdf(
  content: Content,
  opts: { title: string; margins?: [number, number, number, number]; fontSize?: number } & Partial<
    Pick<TDocumentDefinitions, 'styles' | 'footer' | 'header' | 'pageOrientation'>
  >,
): Promise<Buffer> {
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: opts.pageOrientation ?? 'portrait',
    pageMargins: opts.margins ?? [40, 40, 40, 40],
    info: { title: nfc(opts.title), creator: 'Thước Đo', producer: 'Thước Đo' },
    defaultStyle: { font: 'NotoSans', fontSize: opts.fontSize ?? 10 },
    styles: opts.styles,
    header: opts.header,
    footer: opts.footer,
    content,
  };
  return pdfmake.createPdf(doc).getBuffer();
}
