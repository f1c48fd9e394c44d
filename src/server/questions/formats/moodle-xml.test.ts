import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/shared/app-error';
import { parseMoodleXml } from './moodle-xml';
import { writeMoodleXml } from './moodle-xml-writer';

const refused = (xml: string) => {
  try {
    parseMoodleXml(xml);
  } catch (e) {
    return e instanceof AppError ? e.message : `other: ${String(e)}`;
  }
  return 'accepted';
};

describe('Moodle XML', () => {
  it('turns CDATA and escaped HTML into plain text, dropping scripts', () => {
    const { questions } = parseMoodleXml(`<quiz>
  <question type="category"><category><text>$course$/top/Văn thư</text></category></question>
  <question type="multichoice">
    <questiontext format="html"><text><![CDATA[<p>A &amp; B <script>alert(1)</script>?</p>]]></text></questiontext>
    <generalfeedback format="html"><text>&lt;p&gt;x &amp;lt; y&lt;/p&gt;</text></generalfeedback>
    <single>true</single>
    <answer fraction="100"><text>Một</text></answer>
    <answer fraction="0"><text>Hai</text></answer>
    <idnumber>VT-1</idnumber>
  </question>
</quiz>`);
    expect(questions[0]).toMatchObject({
      code: 'VT-1',
      categoryPath: ['Văn thư'],
      stem: 'A & B ?',
      explanation: 'x < y',
      type: 'single',
      errors: [],
    });
  });

  it('refuses DOCTYPE and entity declarations, malformed XML and deep nesting', () => {
    expect(refused('<!DOCTYPE x [<!ENTITY a "b">]><quiz>&a;</quiz>')).toMatch(/DOCTYPE\/ENTITY/);
    expect(refused('<quiz><!ENTITY a SYSTEM "file:///etc/passwd"></quiz>')).toMatch(/DOCTYPE\/ENTITY/);
    expect(refused('<quiz><question></quiz>')).toMatch(/sai cú pháp/);
    expect(refused(`<quiz>${'<a>'.repeat(200)}${'</a>'.repeat(200)}</quiz>`)).toMatch(/Không đọc được/);
    expect(refused('<root/>')).toMatch(/thiếu thẻ <quiz>/);
  });

  it('reads back what it writes', () => {
    const written = writeMoodleXml([
      {
        code: 'X-1',
        categoryPath: ['A/B', 'C'],
        type: 'multiple',
        stem: 'Dòng 1\nDòng <2> & "3"',
        options: [
          { key: 'a', text: 'p', correct: true },
          { key: 'b', text: 'q', correct: true },
          { key: 'c', text: 'r', correct: false },
        ],
        explanation: null,
        difficulty: 'hard',
        tags: ['t1'],
        sourceDocument: 'Luật',
        sourceArticle: 'Điều 1',
      },
    ]);
    const [q] = parseMoodleXml(written).questions;
    expect(q).toMatchObject({
      code: 'X-1',
      categoryPath: ['A/B', 'C'],
      type: 'multiple',
      stem: 'Dòng 1\nDòng <2> & "3"',
      difficulty: 'hard',
      tags: ['t1'],
      sourceDocument: 'Luật',
      sourceArticle: 'Điều 1',
      errors: [],
    });
    expect(q!.options.map((o) => o.correct)).toEqual([true, true, false]);
  });
});
