import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { Scenario } from './scenario';
import { validateScenario } from './validate-scenario';

const dir = resolve(import.meta.dirname, '../../../templates/contest/scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const raw = Object.fromEntries(files.map((f) => [f, readFileSync(resolve(dir, f), 'utf8')]));
const scenarios = files.map((f) => [f, JSON.parse(raw[f]!) as Scenario] as const);

const schema = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../../docs/formats/practice-scenario.schema.json'), 'utf8'),
);
const validateSchema = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

describe('shipped practice scenarios', () => {
  it('ships a 2022-style scenario worth 55 points and a 2023-style one worth 40', () => {
    expect(scenarios.map(([, s]) => `${s.code}/${s.year}/${s.totalPoints}`).sort()).toEqual([
      'cantho-2022-quan/2022/55',
      'cantho-2023-phuong/2023/40',
    ]);
  });

  it.each(scenarios)('%s passes validateScenario and the JSON Schema', (file, s) => {
    expect(validateScenario(s)).toEqual([]);
    validateSchema(s);
    expect(validateSchema.errors ?? []).toEqual([]);
    expect(raw[file]).toBe(raw[file]!.normalize('NFC'));
  });

  it.each(scenarios)('%s: task points add up by hand to the total', (_f, s) => {
    const sums = s.tasks.map((t) => [t.points, t.checks.reduce((a, c) => a + c.points, 0)]);
    for (const [task, checks] of sums) expect(checks).toBe(task);
    expect(s.tasks.reduce((a, t) => a + t.points, 0)).toBe(s.totalPoints);
  });

  it('the 2022 scenario covers email, bút phê, ký số and chuyển văn thư; 2023 adds tracking and phishing', () => {
    const kinds = (code: string) =>
      new Set(
        scenarios.find(([, s]) => s.code === code)![1].tasks.flatMap((t) => t.checks.map((c) => c.kind)),
      );
    expect([...kinds('cantho-2022-quan')].sort()).toEqual([
      'directive_given',
      'document_issued',
      'document_signed',
      'mail_sent',
    ]);
    expect([...kinds('cantho-2023-phuong')].sort()).toEqual([
      'attachment_not_opened',
      'directive_given',
      'document_issued',
      'document_signed',
      'mail_reported',
      'mail_sent',
      'question_answered',
    ]);
  });

  it('the schema refuses what the format forbids', () => {
    const doc = structuredClone(scenarios[0]![1]) as unknown as Record<string, unknown> & Scenario;
    (doc.tasks[0]!.checks[0] as unknown as Record<string, unknown>).kind = 'mail_opened';
    (doc.drafts[0] as unknown as Record<string, unknown>).type = 'thong_tu';
    doc.extra = true;
    expect(validateSchema(doc)).toBe(false);
    const paths = (validateSchema.errors ?? []).map((e) => e.instancePath);
    expect(paths).toContain('/drafts/0/type');
    expect(paths.some((p) => p.startsWith('/tasks/0/checks/0'))).toBe(true);
    expect(
      validateSchema.errors!.some((e) => e.keyword === 'additionalProperties' && e.instancePath === ''),
    ).toBe(true);
  });
});
