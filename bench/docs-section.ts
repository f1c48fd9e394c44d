import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const NEW_DOC = '# Benchmarks\n\nEvery figure here comes from a command in `bench/` that anyone can rerun.\n';

function locate(text: string, heading: string): { start: number; end: number } | null {
  const start = text.indexOf(`${heading}\n`);
  if (start < 0) return null;
  const next = text.indexOf('\n## ', start + heading.length);
  return { start, end: next < 0 ? text.length : next + 1 };
}

/**
 * The "### title" subsections of the section `heading` ("## …") of docs/benchmarks.md, by title, as
 * written: a benchmark that runs once per database keeps the other database's table.
 */
export function readSubsections(file: string, heading: string): Map<string, string> {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = locate(text, heading);
  const subs = new Map<string, string>();
  if (!at) return subs;
  for (const part of text.slice(at.start, at.end).split('\n### ').slice(1)) {
    subs.set(part.slice(0, part.indexOf('\n')), `### ${part.trimEnd()}`);
  }
  return subs;
}

/** Replaces (or appends) the section `heading` ("## …") of docs/benchmarks.md, leaving the others alone. */
export function writeDocSection(file: string, heading: string, body: string): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : NEW_DOC;
  const section = `${heading}\n\n${body.trim()}\n`;
  const at = locate(text, heading);
  if (!at) {
    writeFileSync(file, `${text.trimEnd()}\n\n${section}`);
    return;
  }
  const rest = text.slice(at.end);
  writeFileSync(file, `${text.slice(0, at.start)}${section}${rest ? `\n${rest}` : ''}`);
}
