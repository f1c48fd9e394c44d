import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sniffEvidence } from './sniff-evidence';

const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const jpeg = Buffer.from('ffd8ffe000104a464946', 'hex');

async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('A').addRow(['x']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('sniffEvidence', () => {
  it('knows PDF, images and office documents by their bytes', async () => {
    expect(sniffEvidence(pdf, 'qd-123.pdf').mime).toBe('application/pdf');
    expect(sniffEvidence(png, 'anh.PNG').mime).toBe('image/png');
    expect(sniffEvidence(jpeg, 'anh.jpeg').mime).toBe('image/jpeg');
    expect(sniffEvidence(await xlsx(), 'bao-cao.xlsx').extensions).toEqual(['xlsx']);
    expect(sniffEvidence(pdf, 'khong-duoi').mime).toBe('application/pdf');
  });

  it('refuses content of another kind whatever the name says', () => {
    const exe = Buffer.from('4d5a90000300000004000000ffff0000', 'hex');
    expect(() => sniffEvidence(exe, 'minh-chung.pdf')).toThrow(/Loại tệp không được chấp nhận/);
    expect(() => sniffEvidence(Buffer.from('<html><script>'), 'a.pdf')).toThrow(/Loại tệp/);
    expect(() => sniffEvidence(Buffer.alloc(0), 'a.pdf')).toThrow(/Tệp rỗng/);
  });

  it('refuses a renamed file whose name claims another kind', async () => {
    expect(() => sniffEvidence(pdf, 'bang-tinh.xlsx')).toThrow(/đuôi .xlsx nhưng nội dung là PDF/);
    await expect(async () => sniffEvidence(await xlsx(), 'van-ban.docx')).rejects.toThrow(
      /nội dung là Excel/,
    );
  });

  it('refuses a ZIP that is no office document', () => {
    // A ZIP with one member "a.txt", stored.
    const zip = Buffer.from(
      '504b0304140000000000000000000000000001000000010000000500000061' +
        '2e74787478504b01021400140000000000000000000000000001000000010000000500000000000000000000000000000000' +
        '00612e747874504b0506000000000100010033000000240000000000',
      'hex',
    );
    expect(() => sniffEvidence(zip, 'a.docx')).toThrow(/Loại tệp không được chấp nhận/);
  });
});
