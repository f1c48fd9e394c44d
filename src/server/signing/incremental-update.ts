import type { PDFObject, PDFRef } from 'pdf-lib';

/** One object of the update: its reference and its serialised body (what goes between obj/endobj). */
export interface TUpdatedObject {
  ref: PDFRef;
  body: Uint8Array;
}

export interface TTrailer {
  /** The trailer's entries other than /Size and /Prev, already serialised ("/Root 1 0 R", …). */
  entries: string[];
  /** One more than the highest object number in the file. */
  size: number;
}

export interface TIncrement {
  /** The original bytes followed by the update. */
  bytes: Uint8Array;
  /** Where each written object starts, by object number (into `bytes`). */
  offsets: Map<number, number>;
}

const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

/** The body bytes of a pdf-lib object, as pdf-lib would write it inside obj … endobj. */
export function serializeObject(obj: PDFObject): Uint8Array {
  const bytes = new Uint8Array(obj.sizeInBytes());
  obj.copyBytesInto(bytes, 0);
  return bytes;
}

/**
 * Appends an incremental update (ISO 32000-1 §7.5.6): the new and changed objects, a cross-reference
 * section for exactly those objects, and a trailer whose /Prev points at the previous section. Nothing
 * before the update changes, so byte ranges signed earlier stay intact; pdf-lib's own save rewrites
 * the whole file and would break them (domain §9).
 */
export function appendIncrement(
  original: Uint8Array,
  objects: TUpdatedObject[],
  trailer: TTrailer,
): TIncrement {
  const prev = lastStartXref(original);
  const chunks: Uint8Array[] = [original];
  let length = original.length;
  const push = (chunk: Uint8Array) => {
    chunks.push(chunk);
    length += chunk.length;
  };
  // The previous %%EOF may lack its end-of-line; the update must start on a line of its own.
  const last = original[original.length - 1];
  if (last !== 0x0a && last !== 0x0d) push(latin1('\n'));

  const offsets = new Map<number, number>();
  const sorted = [...objects].sort((a, b) => a.ref.objectNumber - b.ref.objectNumber);
  for (const { ref, body } of sorted) {
    if (offsets.has(ref.objectNumber)) throw new Error(`Object ${ref.objectNumber} written twice`);
    offsets.set(ref.objectNumber, length);
    push(latin1(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
    push(body);
    push(latin1('\nendobj\n'));
  }

  const xrefOffset = length;
  let xref = 'xref\n';
  for (const run of consecutiveRuns(sorted)) {
    xref += `${run[0]!.ref.objectNumber} ${run.length}\n`;
    for (const { ref } of run) {
      // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, "n", and a 2-byte EOL.
      xref += `${String(offsets.get(ref.objectNumber)).padStart(10, '0')} ${String(ref.generationNumber).padStart(5, '0')} n\r\n`;
    }
  }
  const size = Math.max(trailer.size, ...sorted.map((o) => o.ref.objectNumber + 1));
  xref += `trailer\n<< /Size ${size} ${trailer.entries.join(' ')} /Prev ${prev} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  push(latin1(xref));

  return { bytes: Buffer.concat(chunks, length), offsets };
}

/** The offset after the last "startxref": the previous revision's cross-reference section. */
export function lastStartXref(pdf: Uint8Array): number {
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 4096))).toString('latin1');
  const all = [...tail.matchAll(/startxref\s+(\d+)/g)];
  const m = all[all.length - 1];
  if (!m) throw new Error('No startxref near the end of the file');
  return Number(m[1]);
}

/**
 * The highest object number the file uses in any revision: the larger of every /Size declared (trailers
 * and cross-reference streams) less one and every "N G obj" header. A parser may hide some (pdf-lib
 * drops object and cross-reference streams once read), and a new object must never reuse one.
 */
export function highestObjectNumber(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  let highest = 0;
  for (const m of text.matchAll(/\/Size\s+(\d+)/g)) highest = Math.max(highest, Number(m[1]) - 1);
  for (const m of text.matchAll(/(?:^|[\r\n\s])(\d+)\s+\d+\s+obj\b/g))
    highest = Math.max(highest, Number(m[1]));
  return highest;
}

function consecutiveRuns(sorted: TUpdatedObject[]): TUpdatedObject[][] {
  const runs: TUpdatedObject[][] = [];
  for (const o of sorted) {
    const run = runs[runs.length - 1];
    const tail = run?.[run.length - 1];
    if (run && tail && tail.ref.objectNumber + 1 === o.ref.objectNumber) run.push(o);
    else runs.push([o]);
  }
  return runs;
}
