/** One member of a ZIP file as its central directory declares it. */
export interface ZipEntry {
  name: string;
  /** General-purpose flags; bit 0 marks an encrypted member. */
  flags: number;
  /** 0 = stored, 8 = deflated; nothing else is found in spreadsheets. */
  method: number;
  compressedSize: number;
  /** The uncompressed size the file claims: a hostile file may lie. */
  size: number;
  /** Where the member's compressed bytes start. */
  dataOffset: number;
}

/** A file that is not a well-formed ZIP container (what exactly is wrong does not matter to the caller). */
export class ZipCorrupt extends Error {
  constructor(why: string) {
    super(why);
    this.name = 'ZipCorrupt';
  }
}

/** More members than the caller accepts, counted from the end record alone. */
export class TooManyEntries extends Error {
  constructor(readonly count: number) {
    super(`${count} entries`);
    this.name = 'TooManyEntries';
  }
}

const END = 0x06054b50;
const END64 = 0x06064b50;
const LOCATOR64 = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

function u64(data: Buffer, at: number): number {
  const v = data.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipCorrupt('size beyond 2^53');
  return Number(v);
}

/** The end-of-central-directory record: the last one in the file, as every ZIP reader finds it. */
function findEnd(data: Buffer): number {
  const stop = Math.max(0, data.length - 22 - MAX16);
  for (let i = data.length - 22; i >= stop; i--) if (data.readUInt32LE(i) === END) return i;
  throw new ZipCorrupt('no end of central directory');
}

function directoryBounds(data: Buffer): { count: number; offset: number; size: number } {
  const end = findEnd(data);
  if (data.readUInt16LE(end + 4) !== 0 || data.readUInt16LE(end + 6) !== 0)
    throw new ZipCorrupt('multi-disk archive');
  let count = data.readUInt16LE(end + 10);
  let size = data.readUInt32LE(end + 12);
  let offset = data.readUInt32LE(end + 16);
  let directoryEnd = end;
  if (count === MAX16 || size === MAX32 || offset === MAX32) {
    const locator = end - 20;
    if (locator < 0 || data.readUInt32LE(locator) !== LOCATOR64) throw new ZipCorrupt('no ZIP64 locator');
    const at = u64(data, locator + 8);
    if (data.readUInt32LE(at) !== END64) throw new ZipCorrupt('no ZIP64 end record');
    count = u64(data, at + 32);
    size = u64(data, at + 40);
    offset = u64(data, at + 48);
    directoryEnd = at;
  }
  // Readers shift every offset when the directory does not end where the end record starts
  // ("prepended data"); a spreadsheet never has any, so such a file is refused rather than guessed at.
  if (offset + size !== directoryEnd) throw new ZipCorrupt('central directory out of place');
  return { count, offset, size };
}

/** The 64-bit values of a ZIP64 extra field, in the order the header marks them as overflowing. */
function zip64Values(data: Buffer, from: number, length: number, wanted: number): number[] {
  for (let p = from; p + 4 <= from + length; ) {
    const id = data.readUInt16LE(p);
    const len = data.readUInt16LE(p + 2);
    if (id === 0x0001) {
      if (len < wanted * 8) throw new ZipCorrupt('short ZIP64 extra field');
      return Array.from({ length: wanted }, (_, i) => u64(data, p + 4 + i * 8));
    }
    p += 4 + len;
  }
  throw new ZipCorrupt('missing ZIP64 extra field');
}

/**
 * The members of a ZIP file read from its central directory, with the place of each member's data
 * checked against its local header, as JSZip (inside ExcelJS) will read them. Refuses, with
 * `ZipCorrupt`, a directory of more than `maxEntries` members before reading any of them.
 */
export function readZipDirectory(data: Buffer, maxEntries: number): ZipEntry[] {
  try {
    const { count, offset, size } = directoryBounds(data);
    if (count > maxEntries) throw new TooManyEntries(count);
    const entries: ZipEntry[] = [];
    let p = offset;
    for (let i = 0; i < count; i++) {
      if (data.readUInt32LE(p) !== CENTRAL) throw new ZipCorrupt('bad central header');
      const nameLength = data.readUInt16LE(p + 28);
      const extraLength = data.readUInt16LE(p + 30);
      const commentLength = data.readUInt16LE(p + 32);
      let compressedSize = data.readUInt32LE(p + 20);
      let uncompressed = data.readUInt32LE(p + 24);
      let localOffset = data.readUInt32LE(p + 42);
      const wide = [uncompressed, compressedSize, localOffset].filter((v) => v === MAX32).length;
      if (wide > 0) {
        const values = zip64Values(data, p + 46 + nameLength, extraLength, wide);
        if (uncompressed === MAX32) uncompressed = values.shift()!;
        if (compressedSize === MAX32) compressedSize = values.shift()!;
        if (localOffset === MAX32) localOffset = values.shift()!;
      }
      if (data.readUInt32LE(localOffset) !== LOCAL) throw new ZipCorrupt('bad local header');
      const dataOffset =
        localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
      if (dataOffset + compressedSize > offset) throw new ZipCorrupt('member data overruns');
      entries.push({
        name: data.toString('utf8', p + 46, p + 46 + nameLength),
        flags: data.readUInt16LE(p + 8),
        method: data.readUInt16LE(p + 10),
        compressedSize,
        size: uncompressed,
        dataOffset,
      });
      p += 46 + nameLength + extraLength + commentLength;
      if (p > offset + size) throw new ZipCorrupt('central directory overruns');
    }
    return entries;
  } catch (e) {
    if (e instanceof ZipCorrupt || e instanceof TooManyEntries) throw e;
    // Buffer reads past the end: offsets pointing outside the file.
    throw new ZipCorrupt((e as Error).message);
  }
}
