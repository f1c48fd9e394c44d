import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ReadSlip {
  number: string;
  password: string;
  /** The signing PIN, on the slips of a contest with a practice part. */
  pin?: string;
}

/**
 * Reads the (số báo danh, password[, PIN]) of each slip back from a credential-slip PDF with poppler's
 * `pdftotext -tsv`, by position: plain text does not keep the two-column order, and letter spacing can
 * split a password into several words. For tests and the load generator, which log candidates in as a
 * person holding the printed slip would.
 */
export function readCredentialSlips(pdf: Buffer): ReadSlip[] {
  return parseSlips(pdfText(pdf));
}

interface Word {
  page: number;
  left: number;
  top: number;
  width: number;
  height: number;
  text: string;
}

/** Labels of one slip start within this of each other; the next column's slip is 277 pt to the right. */
const sameColumn = (a: number, b: number) => Math.abs(a - b) < 100;

/** Wider than letter spacing inside a value, narrower than the gap before the next label. */
const WORD_GAP = 6;

/**
 * The value printed right of a label on the same line ("Số báo danh:", "Mật khẩu:", "ký số:"), within
 * the label's column. Letter spacing can make pdftotext split one value into several words: words that
 * nearly touch are joined, and the value ends at the first wider gap.
 */
function valueRightOf(label: Word, words: Word[]): Word | null {
  const right = label.left + label.width - 1;
  const parts = words
    .filter(
      (w) =>
        w.page === label.page &&
        w.left > right &&
        w.left < label.left + 230 &&
        w.top <= label.top + label.height &&
        w.top + w.height >= label.top,
    )
    .sort((a, b) => a.left - b.left);
  if (parts.length === 0) return null;
  const value = [parts[0]!];
  for (const w of parts.slice(1)) {
    const last = value[value.length - 1]!;
    if (w.left - (last.left + last.width) > WORD_GAP) break;
    value.push(w);
  }
  return { ...parts[0]!, text: value.map((w) => w.text).join('') };
}

/**
 * Reads số báo danh and password pairs from the credential slips by position (`pdftotext -tsv`): slips
 * stand two across, so each password belongs to the number above it in the same column.
 */
function parseSlips(tsv: string): ReadSlip[] {
  const words: Word[] = [];
  for (const line of tsv.split('\n').slice(1)) {
    const f = line.split('\t');
    if (f[0] !== '5' || f.length < 12) continue;
    words.push({
      page: Number(f[1]),
      left: Number(f[6]),
      top: Number(f[7]),
      width: Number(f[8]),
      height: Number(f[9]),
      text: f.slice(11).join('\t'),
    });
  }
  const labelled = (first: string, second: string) =>
    words.filter((w, i) => w.text === second && words[i - 1]?.text === first);
  const numbers = labelled('báo', 'danh:').flatMap((l) => {
    const v = valueRightOf(l, words);
    return v ? [{ ...v, labelLeft: l.left }] : [];
  });
  const pins = labelled('ký', 'số:').flatMap((l) => {
    const v = valueRightOf(l, words);
    return v ? [{ ...v, labelLeft: l.left }] : [];
  });
  const out: ReadSlip[] = [];
  for (const label of labelled('Mật', 'khẩu:')) {
    const password = valueRightOf(label, words);
    const number = numbers
      .filter((n) => n.page === label.page && sameColumn(n.labelLeft, label.left) && n.top < label.top)
      .sort((a, b) => b.top - a.top)[0];
    // The PIN has its own line under the password, in the same slip (the same column).
    const pin = pins
      .filter((p) => p.page === label.page && sameColumn(p.labelLeft, label.left) && p.top > label.top)
      .sort((a, b) => a.top - b.top)[0];
    if (password && number) {
      out.push({ number: number.text, password: password.text, ...(pin ? { pin: pin.text } : {}) });
    }
  }
  if (out.length !== numbers.length) {
    throw new Error(`Phiếu đăng nhập: ${numbers.length} số báo danh nhưng ${out.length} mật khẩu ghép được`);
  }
  return out;
}

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'thuocdo-slips-'));
  try {
    const file = join(dir, 'slips.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-tsv', '-enc', 'UTF-8', file, '-'], {
      maxBuffer: 1024 * 1024 * 1024,
    }).toString();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
