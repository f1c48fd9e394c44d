import { emptyQuestion, lineRef, optionKey, type ParsedQuestion, type ParseResult } from './parsed-question';

const OPTION_LINE = /^([A-Z])[.)]\s+(.*)$/;
const ANSWER_LINE = /^ANSWER:\s*(.*)$/i;

/**
 * Reads the Aiken format: a stem line, options "A. …" or "A) …", then "ANSWER: B". Beyond Moodle's
 * Aiken, "ANSWER: A, C" marks a question with several correct options.
 */
export function parseAiken(text: string): ParseResult {
  const lines = text.split('\n');
  const questions: ParsedQuestion[] = [];
  let current: { q: ParsedQuestion; letters: string[]; stemLines: string[]; done: boolean } | null = null;

  const finish = () => {
    if (!current) return;
    const { q, letters, stemLines, done } = current;
    q.stem = stemLines.join('\n').trim();
    if (!done) q.errors.push('Thiếu dòng "ANSWER: …" sau các phương án');
    if (letters.length === 0) q.errors.push('Không có phương án nào (dạng "A. …")');
    questions.push(q);
    current = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const lineNo = i + 1;
    if (line === '') {
      // A question ends at a blank line once it has options, even without its ANSWER line.
      if (current && (current.done || current.letters.length > 0)) finish();
      continue;
    }
    if (!current || current.done) {
      finish();
      current = {
        q: emptyQuestion(lineRef(questions.length + 1, lineNo)),
        letters: [],
        stemLines: [line],
        done: false,
      };
      current.q.type = 'single';
      continue;
    }
    const answer = ANSWER_LINE.exec(line);
    if (answer) {
      const wanted = answer[1]!
        .split(/[\s,;]+/)
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean);
      if (wanted.length === 0) current.q.errors.push(`Dòng ${lineNo}: "ANSWER:" chưa ghi đáp án`);
      for (const w of wanted) {
        const idx = current.letters.indexOf(w);
        if (idx < 0) current.q.errors.push(`Dòng ${lineNo}: đáp án ${w} không có trong các phương án`);
        else current.q.options[idx]!.correct = true;
      }
      if (wanted.length > 1) current.q.type = 'multiple';
      current.done = true;
      continue;
    }
    const option = OPTION_LINE.exec(line);
    if (option) {
      const letter = option[1]!;
      if (current.letters.includes(letter))
        current.q.errors.push(`Dòng ${lineNo}: phương án ${letter} bị lặp`);
      current.letters.push(letter);
      current.q.options.push({
        key: optionKey(current.q.options.length),
        text: option[2]!.trim(),
        correct: false,
      });
    } else if (current.letters.length === 0) {
      current.stemLines.push(line);
    } else {
      current.q.errors.push(`Dòng ${lineNo}: không phải phương án ("A. …") hay "ANSWER: …"`);
    }
  }
  finish();
  return { questions, fileErrors: [] };
}
