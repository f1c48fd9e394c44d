import { htmlToText } from './html-text';
import {
  emptyQuestion,
  lineRef,
  optionKey,
  type ParsedQuestion,
  type ParseResult,
  trueFalseOptions,
} from './parsed-question';

/** Index of the first unescaped occurrence of `token` in `s` from `from`, or -1. */
function findUnescaped(s: string, token: string, from = 0): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s.startsWith(token, i)) return i;
  }
  return -1;
}

function unescapeGift(s: string): string {
  // Only GIFT's own escapes; any other backslash is kept as written.
  return s.replace(/\\([~=#{}:\\n])/g, (_m, c: string) => (c === 'n' ? '\n' : c));
}

/** Moodle writes "$course$/top/A/B"; "//" inside a name stands for a slash. */
export function giftCategoryPath(raw: string): string[] {
  const parts = raw
    .trim()
    .split(/(?<!\/)\/(?!\/)/)
    .map((p) => p.replaceAll('//', '/').trim())
    .filter(Boolean);
  while (parts.length > 0 && /^\$[a-z0-9]+\$$/i.test(parts[0]!)) parts.shift();
  if (parts[0] === 'top') parts.shift();
  return parts;
}

function readText(raw: string, html: boolean): string {
  const text = unescapeGift(raw.trim());
  return html ? htmlToText(text) : text.replace(/[ \t]+/g, ' ').trim();
}

interface Answer {
  mark: '=' | '~';
  weight: number | null;
  text: string;
}

function splitAnswers(block: string): Answer[] {
  const answers: Answer[] = [];
  let i = 0;
  while (i < block.length) {
    const c = block[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '=' || c === '~') {
      let end = i + 1;
      while (end < block.length) {
        if (block[end] === '\\') {
          end += 2;
          continue;
        }
        if (block[end] === '=' || block[end] === '~') break;
        end++;
      }
      let body = block.slice(i + 1, end);
      const fb = findUnescaped(body, '#');
      if (fb >= 0) body = body.slice(0, fb);
      const w = /^\s*%(-?\d+(?:\.\d+)?)%/.exec(body);
      answers.push({ mark: c, weight: w ? Number(w[1]) : null, text: w ? body.slice(w[0].length) : body });
      i = end;
      continue;
    }
    i++;
  }
  return answers;
}

function parseOne(source: string, q: ParsedQuestion): void {
  let rest = source.trim();
  if (rest.startsWith('::')) {
    const end = findUnescaped(rest, '::', 2);
    if (end < 0) {
      q.errors.push('Tiêu đề "::…::" chưa đóng');
      return;
    }
    q.code = unescapeGift(rest.slice(2, end)).trim() || null;
    rest = rest.slice(end + 2).trim();
  }
  const format = /^\[(html|moodle|plain|markdown)\]/i.exec(rest);
  const html = format?.[1]?.toLowerCase() === 'html';
  if (format) rest = rest.slice(format[0].length);
  const open = findUnescaped(rest, '{');
  const close = open < 0 ? -1 : findUnescaped(rest, '}', open + 1);
  if (open < 0 || close < 0) {
    q.errors.push(open < 0 ? 'Không có phần đáp án "{…}"' : 'Phần đáp án "{…}" chưa đóng bằng "}"');
    return;
  }
  const after = readText(rest.slice(close + 1), html);
  q.stem = readText(rest.slice(0, open), html) + (after ? ` _____ ${after}` : '');
  let block = rest.slice(open + 1, close).trim();
  const general = findUnescaped(block, '####');
  if (general >= 0) {
    q.explanation = readText(block.slice(general + 4), html) || null;
    block = block.slice(0, general).trim();
  }
  const tf = /^(T|TRUE|F|FALSE)\s*(#.*)?$/is.exec(block);
  if (tf) {
    q.type = 'true_false';
    q.options = trueFalseOptions(tf[1]!.toUpperCase().startsWith('T'));
    return;
  }
  if (block === '') return void q.errors.push('Câu tự luận (essay) không được hỗ trợ');
  if (block.startsWith('#')) return void q.errors.push('Câu dạng số (numerical) không được hỗ trợ');
  if (findUnescaped(block, '->') >= 0) return void q.errors.push('Câu ghép đôi (matching) không được hỗ trợ');
  const answers = splitAnswers(block);
  if (answers.length === 0) return void q.errors.push('Không đọc được phương án nào trong "{…}"');
  if (answers.every((a) => a.mark === '=')) {
    return void q.errors.push('Câu trả lời ngắn (short answer) không được hỗ trợ');
  }
  const weighted = answers.some((a) => a.mark === '~' && (a.weight ?? 0) > 0);
  const rights = answers.filter((a) => a.mark === '=').length;
  q.type = weighted ? 'multiple' : 'single';
  if (!weighted && rights > 1) q.errors.push('Câu một đáp án chỉ được có một dấu "="');
  q.options = answers.map((a, i) => ({
    key: optionKey(i),
    text: readText(a.text, html),
    correct: a.mark === '=' || (a.weight ?? 0) > 0,
  }));
}

/** Reads the GIFT subset the bank holds: single and multiple choice, true/false, categories, titles. */
export function parseGift(text: string): ParseResult {
  const lines = text.split('\n');
  const questions: ParsedQuestion[] = [];
  let category: string[] = [];
  let tags: string[] = [];
  let buffer: string[] = [];
  let startLine = 0;

  const flush = () => {
    if (buffer.length === 0) return;
    const q = emptyQuestion(lineRef(questions.length + 1, startLine));
    q.categoryPath = category;
    q.tags = tags;
    parseOne(buffer.join('\n'), q);
    questions.push(q);
    buffer = [];
    tags = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (trimmed.startsWith('//')) {
      for (const m of trimmed.matchAll(/\[tag:([^\]]+)\]/g)) tags.push(m[1]!.trim());
      continue;
    }
    if (trimmed.startsWith('$CATEGORY:')) {
      flush();
      category = giftCategoryPath(trimmed.slice('$CATEGORY:'.length));
      continue;
    }
    if (trimmed === '') {
      flush();
      continue;
    }
    if (buffer.length === 0) startLine = i + 1;
    buffer.push(line);
  }
  flush();
  return { questions, fileErrors: [] };
}
