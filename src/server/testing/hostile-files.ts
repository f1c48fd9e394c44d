import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Hostile uploads built in memory for abuse tests: broken and random files, ZIP bombs, and XML with
 * entity declarations. Nothing here is committed as a binary; a 600 MB bomb is a few hundred KB to
 * build and never inflated by the builder.
 */

/** One member of a ZIP file as written: its stored bytes and what its headers claim. */
export interface ZipMember {
  name: string;
  /** The bytes stored in the archive (deflated when `method` is 8). */
  body: Buffer;
  method: 0 | 8;
  crc: number;
  /** The size the headers declare once inflated; a lie when it differs from the real content. */
  size: number;
}

/** A member holding `content`, deflated unless `stored`. */
export function member(name: string, content: string | Buffer, stored = false): ZipMember {
  const raw = typeof content === 'string' ? Buffer.from(content) : content;
  return stored
    ? { name, body: raw, method: 0, crc: crc32(raw), size: raw.length }
    : { name, body: deflateRawSync(raw), method: 8, crc: crc32(raw), size: raw.length };
}

/**
 * A deflated member whose content is `head`, `times` copies of `unit`, then `foot`. Each piece is
 * compressed on its own and ends byte-aligned, so the copies are simply repeated: the builder never
 * holds the inflated content.
 */
export function repeatedMember(
  name: string,
  head: string,
  unit: Buffer,
  times: number,
  foot: string,
): ZipMember {
  const piece = (b: Buffer) => deflateRawSync(b, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const headBuf = Buffer.from(head);
  const footBuf = Buffer.from(foot);
  const unitDeflated = piece(unit);
  let crc = crc32(headBuf);
  for (let i = 0; i < times; i++) crc = crc32(unit, crc);
  crc = crc32(footBuf, crc);
  const finalBlock = deflateRawSync(Buffer.alloc(0));
  const body = Buffer.concat([
    piece(headBuf),
    ...Array(times).fill(unitDeflated),
    piece(footBuf),
    finalBlock,
  ]);
  return { name, body, method: 8, crc, size: headBuf.length + unit.length * times + footBuf.length };
}

/** A ZIP file of these members. With `zip64`, sizes and offsets are written in ZIP64 form. */
export function zipFile(members: ZipMember[], options: { zip64?: boolean } = {}): Buffer {
  const zip64 = options.zip64 ?? false;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const name = Buffer.from(m.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(m.method, 8);
    local.writeUInt32LE(m.crc >>> 0, 14);
    local.writeUInt32LE(m.body.length, 18);
    local.writeUInt32LE(m.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, m.body);

    const extra = Buffer.alloc(zip64 ? 28 : 0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(m.size), 4);
      extra.writeBigUInt64LE(BigInt(m.body.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(zip64 ? 45 : 20, 4);
    central.writeUInt16LE(zip64 ? 45 : 20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(m.method, 10);
    central.writeUInt32LE(m.crc >>> 0, 16);
    central.writeUInt32LE(zip64 ? 0xffffffff : m.body.length, 20);
    central.writeUInt32LE(zip64 ? 0xffffffff : m.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    centrals.push(central, name, extra);
    offset += 30 + name.length + m.body.length;
  }
  const directory = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  if (zip64) {
    const end64 = Buffer.alloc(56);
    end64.writeUInt32LE(0x06064b50, 0);
    end64.writeBigUInt64LE(44n, 4);
    end64.writeUInt16LE(45, 12);
    end64.writeUInt16LE(45, 14);
    end64.writeBigUInt64LE(BigInt(members.length), 24);
    end64.writeBigUInt64LE(BigInt(members.length), 32);
    end64.writeBigUInt64LE(BigInt(directory.length), 40);
    end64.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(end64, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : members.length, 8);
  end.writeUInt16LE(zip64 ? 0xffff : members.length, 10);
  end.writeUInt32LE(zip64 ? 0xffffffff : directory.length, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...locals, directory, ...tail, end]);
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const SHEET_PATH = 'xl/worksheets/sheet1.xml';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The opening of a worksheet part up to the first cell's text, and its closing. */
export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`;
export const SHEET_FOOT = '</t></is></c></row></sheetData></worksheet>';

/** A worksheet part with these rows of inline text. */
export function sheetXml(rows: string[][], prolog = ''): string {
  const cells = rows
    .map(
      (row, r) =>
        `<row r="${r + 1}">${row
          .map(
            (text, c) =>
              `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="inlineStr"><is><t>${text}</t></is></c>`,
          )
          .join('')}</row>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${prolog}<worksheet xmlns="${MAIN_NS}"><sheetData>${cells}</sheetData></worksheet>`;
}

/** The smallest workbook ExcelJS opens: one sheet, given as a ready member, plus `extra` members. */
export function minimalXlsx(sheet: ZipMember, extra: ZipMember[] = []): Buffer {
  return zipFile([
    member(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/${SHEET_PATH}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    member(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    member(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    member(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    sheet,
    ...extra,
  ]);
}

/** A workbook with one sheet of these rows (escaped), stored compactly: a well-behaved control. */
export const plainXlsx = (rows: string[][]) =>
  minimalXlsx(member(SHEET_PATH, sheetXml(rows.map((r) => r.map(escapeXml)))));

/**
 * An .xlsx ZIP bomb: its sheet holds one cell of `inflatedBytes` letters, ~1000 times smaller deflated.
 * With `declaredBytes`, the headers claim that size instead of the truth.
 */
export function zipBombXlsx(inflatedBytes = 600 * 1024 * 1024, declaredBytes?: number): Buffer {
  const unit = Buffer.alloc(1024 * 1024, 'A');
  const sheet = repeatedMember(
    SHEET_PATH,
    SHEET_HEAD,
    unit,
    Math.ceil(inflatedBytes / unit.length),
    SHEET_FOOT,
  );
  if (declaredBytes !== undefined) sheet.size = declaredBytes;
  return minimalXlsx(sheet);
}

/** A workbook carrying `count` extra tiny members. */
export const manyMembersXlsx = (count: number) =>
  minimalXlsx(
    member(SHEET_PATH, sheetXml([['x']])),
    Array.from({ length: count }, (_, i) => member(`xl/media/image${i}.png`, 'x', true)),
  );

/** The declarations of "billion laughs": `&lol9;` expands to 10⁹ "lol". */
export const BILLION_LAUGHS_DTD = [
  '<!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
].join('\n');

/** An external entity that would read a server file if a parser resolved it. */
export const EXTERNAL_ENTITY_DTD = '<!ENTITY xxe SYSTEM "file:///etc/passwd">';

/** A workbook whose sheet declares `dtd` in a DOCTYPE and uses `reference` as its first cell. */
export const entityXlsx = (dtd: string, reference: string) =>
  minimalXlsx(member(SHEET_PATH, sheetXml([[reference]], `<!DOCTYPE worksheet [\n${dtd}\n]>\n`)));

/** A Moodle XML quiz whose DOCTYPE declares `dtd` and whose one question's text is `reference`. */
export const entityMoodleXml = (dtd: string, reference: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE quiz [\n${dtd}\n]>\n<quiz>\n  <question type="multichoice">\n    <questiontext format="html"><text>${reference}</text></questiontext>\n    <single>true</single>\n    <answer fraction="100"><text>Có</text></answer>\n    <answer fraction="0"><text>Không</text></answer>\n  </question>\n</quiz>\n`;

/** The first `fraction` of a file, as an interrupted upload leaves it (a text is cut between characters). */
export const truncated = (data: Buffer | string, fraction = 0.6): Buffer =>
  typeof data === 'string'
    ? Buffer.from(data.slice(0, Math.floor(data.length * fraction)))
    : data.subarray(0, Math.floor(data.length * fraction));

/** Deterministic noise (xorshift), never starting with a ZIP signature. */
export function randomBytes(length: number, seed = 2026): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  if (out[0] === 0x50) out[0] = 0x51;
  return out;
}

/** `bytes` of filler text behind `head`: a file just over a size limit. */
export const oversized = (bytes: number, head = '') =>
  Buffer.concat([Buffer.from(head), Buffer.alloc(Math.max(0, bytes - Buffer.byteLength(head)), 'a')]);

/** A multipart body with one file in the field "file" (after any text fields), as a browser sends it. */
export async function multipartFile(
  data: Buffer | string,
  filename: string,
  fields: Record<string, string> = {},
): Promise<{ payload: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([typeof data === 'string' ? data : new Uint8Array(data)]), filename);
  const body = new Response(form);
  return { payload: Buffer.from(await body.arrayBuffer()), contentType: body.headers.get('content-type')! };
}
