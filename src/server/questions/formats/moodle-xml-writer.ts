import type { ExportQuestion } from './export-question';
import { escapeXml } from './html-text';

/** Plain text as Moodle's HTML text field: escaped, line breaks kept. */
function htmlField(tag: string, text: string, indent: string): string {
  const html = text ? `<p>${escapeXml(text).replace(/\n/g, '<br>')}</p>` : '';
  return `${indent}<${tag} format="html">\n${indent}  <text>${escapeXml(html)}</text>\n${indent}</${tag}>`;
}

function plain(tag: string, text: string, indent: string): string {
  return `${indent}<${tag}>${escapeXml(text)}</${tag}>`;
}

/** Moodle's category path: "$course$/top/A/B", a slash inside a name doubled. */
function categoryPath(path: string[]): string {
  return ['$course$', 'top', ...path.map((p) => p.replace(/\//g, '//'))].join('/');
}

function questionXml(q: ExportQuestion): string[] {
  const i = '    ';
  const out = [`  <question type="${q.type === 'true_false' ? 'truefalse' : 'multichoice'}">`];
  out.push(`${i}<name>\n${i}  ${plain('text', q.code ?? q.stem.slice(0, 60), '')}\n${i}</name>`);
  out.push(htmlField('questiontext', q.stem, i));
  out.push(htmlField('generalfeedback', q.explanation ?? '', i));
  out.push(`${i}<defaultgrade>1</defaultgrade>`, `${i}<penalty>0</penalty>`, `${i}<hidden>0</hidden>`);
  if (q.code) out.push(plain('idnumber', q.code, i));
  if (q.type === 'true_false') {
    // Validation fixes the order of a true/false question: "Đúng" first.
    const isTrue = q.options[0]?.correct === true;
    for (const word of ['true', 'false']) {
      const fraction = (word === 'true') === isTrue ? 100 : 0;
      out.push(
        `${i}<answer fraction="${fraction}" format="moodle_auto_format">\n${i}  <text>${word}</text>\n${i}  <feedback format="html"><text></text></feedback>\n${i}</answer>`,
      );
    }
  } else {
    const correct = q.options.filter((o) => o.correct).length;
    out.push(plain('single', q.type === 'single' ? 'true' : 'false', i));
    out.push(plain('shuffleanswers', 'true', i), plain('answernumbering', 'abc', i));
    for (const o of q.options) {
      // Moodle wants multiple-answer fractions that add up to 100 and penalises wrong ticks.
      const fraction = o.correct
        ? q.type === 'single'
          ? '100'
          : (100 / correct).toFixed(5).replace(/\.?0+$/, '')
        : q.type === 'single'
          ? '0'
          : '-100';
      out.push(
        `${i}<answer fraction="${fraction}" format="html">\n${i}  <text>${escapeXml(`<p>${escapeXml(o.text)}</p>`)}</text>\n${i}  <feedback format="html"><text></text></feedback>\n${i}</answer>`,
      );
    }
  }
  if (q.tags.length > 0) {
    out.push(`${i}<tags>`);
    for (const t of q.tags) out.push(`${i}  <tag>${plain('text', t, '')}</tag>`);
    out.push(`${i}</tags>`);
  }
  // Bank fields Moodle has no place for; Moodle ignores unknown elements, our importer reads them back.
  out.push(`${i}<thuocdo>`, plain('difficulty', q.difficulty, `${i}  `));
  if (q.sourceDocument) out.push(plain('sourcedocument', q.sourceDocument, `${i}  `));
  if (q.sourceArticle) out.push(plain('sourcearticle', q.sourceArticle, `${i}  `));
  out.push(`${i}</thuocdo>`, '  </question>');
  return out;
}

/** Writes questions as Moodle XML, with a category entry before each change of category. */
export function writeMoodleXml(questions: ExportQuestion[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<quiz>'];
  let current: string | null = null;
  for (const q of questions) {
    const path = categoryPath(q.categoryPath);
    if (path !== current) {
      out.push(
        '  <question type="category">',
        `    <category>\n      <text>${escapeXml(path)}</text>\n    </category>`,
        '  </question>',
      );
      current = path;
    }
    out.push(...questionXml(q));
  }
  out.push('</quiz>', '');
  return out.join('\n');
}
