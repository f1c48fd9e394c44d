import { describe, expect, it } from 'vitest';
import { seededRandom } from '../exam/random';
import { sampleSoFramework } from '../framework/fixtures';
import { evaluateRule } from '../framework/rules';
import { leafNodes } from '../framework/tree';
import { sampleInputs } from './sample-inputs';

describe('sampleInputs', () => {
  it('gives every rule type inputs it scores (never missing or invalid)', () => {
    const random = seededRandom('mau');
    for (const leaf of leafNodes(sampleSoFramework().nodes)) {
      for (let i = 0; i < 50; i++) {
        const outcome = evaluateRule(leaf.rule!, sampleInputs(leaf, random), leaf.maxPoints);
        expect(['scored', 'not_applicable'], `${leaf.code}: ${JSON.stringify(outcome)}`).toContain(
          outcome.status,
        );
      }
    }
  });

  it('is repeatable for one seed', () => {
    const leaf = leafNodes(sampleSoFramework().nodes)[0]!;
    const a = seededRandom('x');
    const b = seededRandom('x');
    expect([1, 2, 3].map(() => sampleInputs(leaf, a))).toEqual([1, 2, 3].map(() => sampleInputs(leaf, b)));
  });
});
