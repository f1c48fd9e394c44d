import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../../../core/shared/app-error';
import { giftCategoryPath } from './gift';
import { decodeEntities, htmlToText } from './html-text';
import { difficultyFromWord } from './labels';
import {
  emptyQuestion,
  optionKey,
  type ParsedQuestion,
  type ParseResult,
  type SourceRef,
  trueFalseOptions,
} from './parsed-question';

type Node = Record<string, unknown>;

const ARRAYS = new Set(['question', 'answer', 'tag']);

/** Entity declarations are how "billion laughs" and external-entity attacks start: refuse them outright. */
const UNSAFE = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST)/i;

function parser() {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    cdataPropName: '__cdata',
    isArray: (name) => ARRAYS.has(name),
    captureMetaData: true,
    maxNestedTags: 40,
  });
}

/** The text of a node: character data decoded, CDATA as written. */
function rawText(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return decodeEntities(node);
  if (typeof node !== 'object') return String(node);
  const n = node as Node;
  const cdata = n.__cdata;
  const cdataText = Array.isArray(cdata) ? cdata.join('') : typeof cdata === 'string' ? cdata : '';
  const own = typeof n['#text'] === 'string' ? decodeEntities(n['#text']) : '';
  return own + cdataText;
}

/** A Moodle "text field" (`<x format="html"><text>…</text></x>`) as plain text. */
function fieldText(field: unknown): string {
  if (field === undefined || field === null) return '';
  const n = (typeof field === 'object' ? field : { text: field }) as Node;
  const raw = rawText(n.text ?? n);
  const format = String(n['@_format'] ?? 'html');
  return format === 'html' || format === 'moodle_auto_format' ? htmlToText(raw) : raw.trim();
}

function lineAt(text: string, index: number | undefined): number | null {
  if (index === undefined) return null;
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function readQuestion(node: Node, q: ParsedQuestion, kind: string): void {
  q.stem = fieldText(node.questiontext);
  q.explanation = fieldText(node.generalfeedback) || null;
  q.code = rawText(node.idnumber).trim() || null;
  const tags = (node.tags as Node | undefined)?.tag;
  if (Array.isArray(tags)) q.tags = tags.map((t) => rawText((t as Node).text ?? t).trim()).filter(Boolean);
  const ours = node.thuocdo as Node | undefined;
  if (ours && typeof ours === 'object') {
    const level = rawText(ours.difficulty).trim();
    if (level) {
      q.difficulty = difficultyFromWord(level);
      if (!q.difficulty) q.errors.push(`Mức độ "${level}" không hợp lệ (dùng easy, medium hoặc hard)`);
    }
    q.sourceDocument = rawText(ours.sourcedocument).trim() || null;
    q.sourceArticle = rawText(ours.sourcearticle).trim() || null;
  }
  const answers = (Array.isArray(node.answer) ? node.answer : []) as Node[];
  const fraction = (a: Node) => Number(String(a['@_fraction'] ?? '0'));
  if (kind === 'truefalse') {
    const right = answers.find((a) => fraction(a) >= 100);
    const word = right ? fieldText({ text: right.text, '@_format': 'plain_text' }).toLowerCase() : '';
    if (word !== 'true' && word !== 'false') {
      q.errors.push('Câu đúng/sai phải có một đáp án "true" hoặc "false" với fraction="100"');
      return;
    }
    q.type = 'true_false';
    q.options = trueFalseOptions(word === 'true');
    return;
  }
  const single = ['true', '1'].includes(rawText(node.single).trim().toLowerCase());
  q.type = single ? 'single' : 'multiple';
  q.options = answers.map((a, i) => ({
    key: optionKey(i),
    text: fieldText({ ...a, '@_format': a['@_format'] ?? 'html' }),
    correct: single ? fraction(a) >= 100 : fraction(a) > 0,
  }));
  for (const [i, a] of answers.entries()) {
    if (Number.isNaN(fraction(a))) q.errors.push(`Phương án ${i + 1}: fraction không phải là số`);
  }
}

/** Reads Moodle XML: multichoice (one or several answers), truefalse and category entries. */
export function parseMoodleXml(text: string): ParseResult {
  if (UNSAFE.test(text)) {
    throw new AppError(
      'unsupported_file_type',
      'Tệp XML có khai báo DOCTYPE/ENTITY; vì lý do an toàn hệ thống không đọc tệp loại này',
    );
  }
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) {
    throw new AppError(
      'unsupported_file_type',
      `Tệp XML sai cú pháp ở dòng ${valid.err.line}: ${valid.err.msg}`,
    );
  }
  let doc: Node;
  try {
    doc = parser().parse(text) as Node;
  } catch (e) {
    throw new AppError('unsupported_file_type', `Không đọc được tệp XML: ${(e as Error).message}`);
  }
  const quiz = doc.quiz as Node | undefined;
  if (!quiz || typeof quiz !== 'object') {
    throw new AppError('unsupported_file_type', 'Tệp XML không phải định dạng Moodle XML (thiếu thẻ <quiz>)');
  }
  const meta = XMLParser.getMetaDataSymbol() as unknown as symbol;
  const questions: ParsedQuestion[] = [];
  let category: string[] = [];
  for (const node of (quiz.question ?? []) as Node[]) {
    const kind = String(node['@_type'] ?? '');
    if (kind === 'category') {
      category = giftCategoryPath(rawText((node.category as Node | undefined)?.text ?? node.category));
      continue;
    }
    const no = questions.length + 1;
    const line = lineAt(text, (node as unknown as Record<symbol, { startIndex?: number }>)[meta]?.startIndex);
    const ref: SourceRef = {
      kind: 'question',
      number: no,
      label: line ? `Câu ${no} (dòng ${line})` : `Câu ${no}`,
    };
    const q = emptyQuestion(ref);
    q.categoryPath = category;
    if (kind === 'multichoice' || kind === 'truefalse') readQuestion(node, q, kind);
    else q.errors.push(`Loại câu hỏi "${kind || '(trống)'}" không được hỗ trợ (chỉ multichoice, truefalse)`);
    questions.push(q);
  }
  return { questions, fileErrors: [] };
}
