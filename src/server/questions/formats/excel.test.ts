import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseQuestionWorkbook, writeQuestionWorkbook } from './excel';

describe('Excel question sheet', () => {
  it('reads back what it writes, true/false included', async () => {
    const data = await writeQuestionWorkbook([
      {
        code: 'Q1',
        categoryPath: ['Pháp luật', 'Chữ ký số'],
        type: 'true_false',
        stem: 'Ký số bảo đảm bí mật.',
        options: [
          { key: 'dung', text: 'Đúng', correct: false },
          { key: 'sai', text: 'Sai', correct: true },
        ],
        explanation: null,
        difficulty: 'easy',
        tags: ['a', 'b'],
        sourceDocument: null,
        sourceArticle: null,
      },
    ]);
    const { questions } = await parseQuestionWorkbook(data);
    expect(questions[0]).toMatchObject({
      ref: { label: 'Dòng 2' },
      code: 'Q1',
      categoryPath: ['Pháp luật', 'Chữ ký số'],
      type: 'true_false',
      difficulty: 'easy',
      tags: ['a', 'b'],
      errors: [],
    });
    expect(questions[0]!.options.map((o) => o.correct)).toEqual([false, true]);
  });

  it('names missing columns, unknown words and answers outside the options', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Câu hỏi');
    ws.addRow(['Câu hỏi', 'Phương án A', 'Phương án B', 'Phương án D', 'Đáp án đúng', 'Loại', 'Mức độ']);
    ws.addRow(['Một?', 'x', 'y', '', 'C', 'Một đáp án', 'rất khó']);
    ws.addRow(['Hai?', 'x', '', 'z', 'A', 'kiểu lạ', '']);
    const { questions } = await parseQuestionWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(questions.map((q) => q.errors)).toEqual([
      [
        'Cột Mức độ: "rất khó" không hợp lệ (Dễ, Trung bình, Khó)',
        'Cột Đáp án đúng: "C" không phải phương án đã ghi',
      ],
      [
        'Cột Loại: "kiểu lạ" không hợp lệ (Một đáp án, Nhiều đáp án, Đúng/Sai)',
        'Cột Phương án B trống trong khi có phương án sau nó',
        'Cột Phương án C trống trong khi có phương án sau nó',
      ],
    ]);
    const bare = new ExcelJS.Workbook();
    bare.addWorksheet('Câu hỏi').addRow(['Câu hỏi']);
    const missing = await parseQuestionWorkbook(Buffer.from(await bare.xlsx.writeBuffer()));
    expect(missing.fileErrors[0]!.messages[0]).toBe('Thiếu cột: Phương án A, Đáp án đúng. Hãy dùng tệp mẫu.');
  });
});
