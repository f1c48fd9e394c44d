import { PDFDocument, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../pdf/render-pdf';
import { appendIncrement, highestObjectNumber, lastStartXref, serializeObject } from './incremental-update';

describe('appendIncrement', () => {
  it('appends objects, a cross-reference section that points at them, and a trailer chained by /Prev', async () => {
    const original = await renderPdf(['Tờ trình số 01/TTr-UBND'], { title: 'Tờ trình' });
    const doc = await PDFDocument.load(original, { updateMetadata: false });
    const first = highestObjectNumber(original) + 1;
    const a = doc.context.obj({ Kind: 'A' });
    const b = doc.context.obj([PDFString.of('Cần Thơ')]);
    const refA = doc.context.nextRef();
    const refB = doc.context.nextRef();
    expect(refA.objectNumber).toBeGreaterThanOrEqual(first);
    const { bytes, offsets } = appendIncrement(
      original,
      [
        { ref: refB, body: serializeObject(b) },
        { ref: refA, body: serializeObject(a) },
      ],
      { size: refB.objectNumber + 1, entries: [`/Root ${doc.context.trailerInfo.Root!.toString()}`] },
    );

    expect(Buffer.from(bytes.subarray(0, original.length)).equals(original)).toBe(true);
    const text = Buffer.from(bytes).toString('latin1');
    for (const ref of [refA, refB]) {
      const at = offsets.get(ref.objectNumber)!;
      expect(text.startsWith(`${ref.objectNumber} 0 obj\n`, at)).toBe(true);
    }

    // The new section: "xref", one subsection of two consecutive objects, 20-byte entries.
    const xrefAt = lastStartXref(bytes);
    expect(text.startsWith('xref\n', xrefAt)).toBe(true);
    const section = text.slice(xrefAt).split('\n');
    expect(section[1]).toBe(`${refA.objectNumber} 2`);
    const entry = text.slice(xrefAt + section[0]!.length + section[1]!.length + 2).slice(0, 40);
    expect(entry).toBe(
      `${String(offsets.get(refA.objectNumber)).padStart(10, '0')} 00000 n\r\n` +
        `${String(offsets.get(refB.objectNumber)).padStart(10, '0')} 00000 n\r\n`,
    );
    expect(text).toContain(`/Prev ${lastStartXref(original)} >>`);
    expect(text.endsWith('%%EOF\n')).toBe(true);

    // A reader sees the new objects and the old content.
    const reread = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(reread.getPageCount()).toBe(1);
    expect(reread.context.lookup(refA)?.toString()).toContain('/Kind /A');
    expect(reread.context.lookup(refB)).toBeDefined();
  });
});
