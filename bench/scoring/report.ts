import { writeDocSection } from '../docs-section';

/** Replaces (or appends) the "## DTI scoring" section of docs/benchmarks.md, leaving other sections alone. */
export function writeSection(file: string, body: string): void {
  writeDocSection(file, '## DTI scoring', body);
}

/** A Markdown table. */
export function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
