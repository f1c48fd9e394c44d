import { describe, expect, it } from 'vitest';
import { ruleInputFields } from './rule-inputs';

describe('ruleInputFields', () => {
  it('names the fields each rule reads', () => {
    expect(ruleInputFields({ type: 'ratio', whenDenominatorZero: 'zero' }).map((f) => f.name)).toEqual([
      'a',
      'b',
    ]);
    expect(ruleInputFields({ type: 'yes_no' })).toEqual([
      { name: 'yes', kind: 'boolean', label: 'Có / Không' },
    ]);
    const multi = ruleInputFields({
      type: 'option',
      multiple: true,
      options: [{ code: 'x', label: 'X', points: 1 }],
    });
    expect(multi).toEqual([
      { name: 'option', kind: 'options', label: 'Các lựa chọn', options: [{ code: 'x', label: 'X' }] },
    ]);
  });
});
