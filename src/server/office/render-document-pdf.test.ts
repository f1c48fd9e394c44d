import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocumentPdf } from './render-document-pdf';

const A4 = { width: 595.28, height: 841.89 };
const dir = mkdtempSync(join(tmpdir(), 'thuocdo-office-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** poppler's pdftotext: pages separated by form feeds. */
function pdftotext(pdf: Uint8Array): string {
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFC');
}

const draft = (body: string) =>
  renderDocumentPdf({
    parentName: 'Ủy ban nhân dân thành phố Cần Thơ',
    agencyName: 'Ủy ban nhân dân quận Ninh Kiều',
    type: 'ke_hoach',
    notation: 'KH-UBND',
    place: 'Ninh Kiều',
    year: 2022,
    subject: 'Tổ chức Ngày Chuyển đổi số quốc gia',
    body,
    signerPosition: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH',
    signerName: 'Đặng Quốc Việt',
    signed: false,
    recipients: ['Phòng Văn hóa và Thông tin'],
    archive: 'Lưu: VT.',
  });

const inside = (box: { x: number; y: number; width: number; height: number }) =>
  box.x >= 0 && box.y >= 0 && box.x + box.width <= A4.width && box.y + box.height <= A4.height;

describe('renderDocumentPdf', () => {
  it('says where the blank number, date and signature are, inside the page and in reading order', async () => {
    const { layout } = await draft('Nội dung kế hoạch.');
    expect(layout.number && layout.date && layout.signature).toBeTruthy();
    for (const box of [layout.number!, layout.date!, layout.signature!]) {
      expect(box.page).toBe(1);
      expect(inside(box)).toBe(true);
    }
    // PDF y grows upwards: the header lines lie above the signer's space.
    expect(layout.number!.y).toBeGreaterThan(layout.signature!.y + layout.signature!.height);
    expect(layout.date!.x).toBeGreaterThan(layout.number!.x + layout.number!.width - 1);
  });

  it('keeps the signer’s block together: a longer body pushes it whole to the next page', async () => {
    // One short paragraph more each time (about 22 pt) walks the block across the page end: at some
    // lengths it would straddle two pages.
    let moved = 0;
    for (let n = 24; n <= 40; n++) {
      const { pdf, layout } = await draft(
        Array.from({ length: n }, (_, i) => `Nhiệm vụ số ${i + 1}.`).join('\n'),
      );
      const pages = pdftotext(pdf).split('\f');
      const signerPage = pages[layout.signature!.page - 1]!;
      expect(signerPage).toContain('PHÓ CHỦ TỊCH');
      expect(signerPage).toContain('Đặng Quốc Việt');
      expect(signerPage).toContain('Nơi nhận:');
      expect(inside(layout.signature!)).toBe(true);
      if (layout.signature!.page === 2) moved++;
    }
    expect(moved).toBeGreaterThan(0);
  });
});
