import type { Content } from 'pdfmake/interfaces';
import type { SeedFile } from '../../core/office/scenario';
import { nfc, renderPdf } from '../pdf/render-pdf';

/**
 * The bytes of a scenario's seed file: a PDF rendered from its title and body for `application/pdf`,
 * otherwise the body itself as UTF-8 text (the planted "malware" of a phishing task is harmless text).
 */
export async function renderSeedFile(file: SeedFile): Promise<Buffer> {
  if (file.mediaType !== 'application/pdf') return Buffer.from(nfc(file.body), 'utf8');
  const content: Content[] = [
    ...(file.title
      ? [
          {
            text: nfc(file.title),
            bold: true,
            alignment: 'center',
            fontSize: 13,
            margin: [0, 0, 0, 12],
          } as Content,
        ]
      : []),
    ...nfc(file.body)
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line): Content => ({ text: line, alignment: 'justify', margin: [0, 0, 0, 6] })),
  ];
  return renderPdf(content, { title: file.title ?? file.fileName, margins: [70, 57, 57, 57], fontSize: 12 });
}
