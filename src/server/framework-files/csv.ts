/**
 * RFC 4180 CSV: quoted fields may hold the delimiter, quotes ("") and line breaks. The delimiter is a
 * comma, or a semicolon when the header line has semicolons and no commas (what Excel writes in a
 * Vietnamese locale, where the comma is the decimal mark). A UTF-8 byte-order mark is dropped.
 */
export function parseCsv(input: string): { rows: string[][] } | { error: string; row: number } {
  const text = input.replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let line = 1;
  let quoted = false;
  let quoteStartLine = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field !== '') return { error: 'Dấu ngoặc kép đặt giữa ô; hãy đặt cả ô trong ngoặc kép', row: line };
      quoted = true;
      quoteStartLine = line;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
    } else field += ch;
  }
  if (quoted) return { error: 'Ô mở ngoặc kép mà không đóng', row: quoteStartLine };
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { rows };
}

/** One CSV line with the fields quoted where needed. */
export function csvLine(fields: (string | number | null | undefined)[]): string {
  return fields
    .map((f) => {
      const s = f === null || f === undefined ? '' : String(f);
      return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',');
}
