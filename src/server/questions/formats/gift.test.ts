import { describe, expect, it } from 'vitest';
import { giftCategoryPath, parseGift } from './gift';

describe('GIFT', () => {
  it('reads titles, categories, tags, single, weighted multiple and true/false questions with escapes', () => {
    const { questions } = parseGift(
      [
        '// chú thích',
        '$CATEGORY: $course$/top/Pháp luật/Chữ ký số',
        '// [tag:cks]',
        '::CKS-1::Chữ ký số không bảo đảm gì? {~Xác thực ~Toàn vẹn =Bí mật#đúng ####Luật GDĐT 2023}',
        '',
        'Chọn ý đúng về 1\\+1\\=2 {~%50%A \\{x\\} ~%50%B ~%-100%C}',
        '',
        '[html]<p>Ký số bảo đảm <b>bí mật</b>.</p>{FALSE}',
      ].join('\n'),
    );
    expect(questions).toHaveLength(3);
    const [a, b, c] = questions;
    expect(a).toMatchObject({
      code: 'CKS-1',
      categoryPath: ['Pháp luật', 'Chữ ký số'],
      tags: ['cks'],
      type: 'single',
      explanation: 'Luật GDĐT 2023',
      errors: [],
    });
    expect(a!.options.map((o) => [o.text, o.correct])).toEqual([
      ['Xác thực', false],
      ['Toàn vẹn', false],
      ['Bí mật', true],
    ]);
    expect(b!.stem).toBe('Chọn ý đúng về 1\\+1=2');
    expect(b!.type).toBe('multiple');
    expect(b!.options.map((o) => [o.text, o.correct])).toEqual([
      ['A {x}', true],
      ['B', true],
      ['C', false],
    ]);
    expect(c).toMatchObject({ type: 'true_false', stem: 'Ký số bảo đảm bí mật.' });
    expect(c!.options.map((o) => [o.key, o.text, o.correct])).toEqual([
      ['dung', 'Đúng', false],
      ['sai', 'Sai', true],
    ]);
  });

  it('names the unsupported kinds and the syntax errors', () => {
    const { questions } = parseGift(
      'Tự luận {}\n\nSố {#5:1}\n\nGhép {=a -> 1 =b -> 2}\n\nNgắn {=Hà Nội =Ha Noi}\n\nThiếu {=a ~b\n\nHai đúng {=a =b ~c}',
    );
    expect(questions.map((q) => q.errors[0])).toEqual([
      'Câu tự luận (essay) không được hỗ trợ',
      'Câu dạng số (numerical) không được hỗ trợ',
      'Câu ghép đôi (matching) không được hỗ trợ',
      'Câu trả lời ngắn (short answer) không được hỗ trợ',
      'Phần đáp án "{…}" chưa đóng bằng "}"',
      'Câu một đáp án chỉ được có một dấu "="',
    ]);
  });

  it('reads Moodle category paths, with "//" for a slash inside a name', () => {
    expect(giftCategoryPath('$course$/top/Văn bản//Tài liệu/Con')).toEqual(['Văn bản/Tài liệu', 'Con']);
    expect(giftCategoryPath('Gốc/Con')).toEqual(['Gốc', 'Con']);
  });
});
