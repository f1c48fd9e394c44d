import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { FrameworkNode } from '../../core/framework/model';
import { validateFramework } from '../../core/framework/validate';
import { readShippedSets } from './shipped-sets';

const schema = JSON.parse(
  readFileSync(new URL('../../../docs/formats/framework.schema.json', import.meta.url), 'utf8'),
);
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateSchema = ajv.compile(schema);
const sets = readShippedSets();

function sumProblems(nodes: FrameworkNode[], out: string[] = []): string[] {
  for (const n of nodes) {
    if (!n.children?.length) continue;
    const sum = n.children.reduce((s, c) => s + c.maxPoints, 0);
    if (Math.abs(sum - n.maxPoints) > 1e-9) out.push(`${n.code}: ${sum} ≠ ${n.maxPoints}`);
    sumProblems(n.children, out);
  }
  return out;
}

describe('shipped index sets', () => {
  it('ships the national 2022 set and the Cần Thơ sets for 2022 and 2026', () => {
    expect(sets.map((s) => `${s.document.code}/${s.document.year}/${s.document.nominalMax}`).sort()).toEqual([
      'cantho-huyen/2022/450',
      'cantho-so/2022/300',
      'cantho-so/2026/300',
      'cantho-xa/2022/250',
      'cantho-xa/2026/960',
      'dti-tinh/2022/1000',
    ]);
  });

  it.each(sets.map((s) => [s.file, s.document] as const))('%s matches the JSON Schema', (_f, doc) => {
    const ok = validateSchema(doc);
    expect(validateSchema.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each(sets.map((s) => [s.file, s.document] as const))(
    '%s passes validateFramework and its maxima add up',
    (_f, doc) => {
      expect(validateFramework(doc).errors).toEqual([]);
      expect(sumProblems(doc.nodes)).toEqual([]);
      expect(doc.nodes.reduce((s, n) => s + n.maxPoints, 0)).toBe(doc.nominalMax);
    },
  );

  it('keeps the 922/QĐ-BTTTT main-index maxima of the national set', () => {
    const doc = sets.find((s) => s.document.code === 'dti-tinh')!.document;
    expect(doc.nodes.map((n) => [n.name, n.maxPoints])).toEqual([
      ['Nhận thức số', 100],
      ['Thể chế số', 100],
      ['Hạ tầng số', 100],
      ['Nhân lực số', 100],
      ['An toàn thông tin mạng', 100],
      ['Hoạt động chính quyền số', 200],
      ['Hoạt động kinh tế số', 150],
      ['Hoạt động xã hội số', 150],
    ]);
  });

  it('marks every set whose indicator list is not public as illustrative and cites the evidence clause', () => {
    for (const { document } of sets) {
      expect(document.illustrative).toBe(true);
      const leaves: FrameworkNode[] = [];
      const walk = (ns: FrameworkNode[]) => {
        for (const n of ns) {
          if (n.children) walk(n.children);
          else leaves.push(n);
        }
      };
      walk(document.nodes);
      for (const leaf of leaves) {
        expect(leaf.method, leaf.code).toBeTruthy();
        expect(leaf.evidence).toMatch(/số hiệu, tên văn bản, ngày văn bản, trích yếu/);
        expect(leaf.dataSource && leaf.verifier, leaf.code).toBeTruthy();
      }
    }
  });

  it('the schema refuses what the model forbids', () => {
    const doc = structuredClone(sets.find((s) => s.document.code === 'dti-tinh')!.document);
    (doc.nodes[0]!.children![0]!.rule as unknown as Record<string, unknown>).type = 'percent';
    (doc as unknown as Record<string, unknown>).level = 'quoc_gia';
    expect(validateSchema(doc)).toBe(false);
    const paths = (validateSchema.errors ?? []).map((e) => e.instancePath);
    expect(paths).toContain('/level');
    expect(paths.some((p) => p.startsWith('/nodes/0/children/0/rule'))).toBe(true);
  });
});
