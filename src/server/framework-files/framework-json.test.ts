import { describe, expect, it } from 'vitest';
import type { AppError } from '../../core/shared/app-error';
import type { FileIssue } from './file-issues';
import { readFrameworkJson } from './framework-json';
import { readShippedSets } from './shipped-sets';

const doc = readShippedSets().find(
  (s) => s.document.code === 'cantho-xa' && s.document.year === 2022,
)!.document;

function issues(text: string): FileIssue[] {
  try {
    readFrameworkJson(text);
  } catch (e) {
    expect((e as AppError).code).toBe('import_invalid');
    return (e as AppError).details as FileIssue[];
  }
  throw new Error('accepted');
}

describe('index-set JSON', () => {
  it('reads a shipped set unchanged', () => {
    expect(readFrameworkJson(JSON.stringify(doc))).toEqual(doc);
  });

  it('locates a syntax error by line', () => {
    const [i] = issues('{\n  "code": "x",\n  oops\n}');
    expect(i).toMatchObject({ sheet: 'JSON', row: 3, message: 'Tệp không phải JSON hợp lệ' });
  });

  it('lists sum problems and rule problems by indicator code', () => {
    const sums = structuredClone(doc);
    sums.nodes[0]!.children![0]!.children![0]!.maxPoints = 12;
    const a = issues(JSON.stringify(sums)).map((i) => `${i.column}: ${i.message}`);
    expect(a.join('\n')).toMatch(/chỉ số 1\.1: .*32.*vượt điểm tối đa 30/);

    const rule = structuredClone(doc);
    rule.nodes[1]!.children![0]!.children![0]!.rule = { type: 'steps', steps: [] };
    const b = issues(JSON.stringify(rule)).map((i) => `${i.column}: ${i.message}`);
    expect(b).toEqual(['chỉ số 2.1.1 → rule.steps: Cần ít nhất một mức']);
  });
});
