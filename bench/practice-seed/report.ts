import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const HEADING = '## Practice sandbox seeding';

/** Replaces (or appends) this benchmark's section of docs/benchmarks.md, leaving other sections alone. */
export function writeSection(file: string, body: string): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const section = `${HEADING}\n\n${body.trim()}\n`;
  const start = text.indexOf(`${HEADING}\n`);
  if (start < 0) {
    writeFileSync(file, `${text.trimEnd()}\n\n${section}`);
    return;
  }
  const next = text.indexOf('\n## ', start + HEADING.length);
  const rest = next < 0 ? '' : text.slice(next + 1);
  writeFileSync(file, `${text.slice(0, start)}${section}${rest ? `\n${rest}` : ''}`);
}
