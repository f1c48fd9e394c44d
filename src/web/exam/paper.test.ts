import { describe, expect, it } from 'vitest';
import { isAnswered, type PaperQuestion, toggleOption } from './paper';

const single: PaperQuestion = {
  versionId: 'v1',
  type: 'single',
  stem: 'S',
  options: [
    { key: 'c', text: 'C' },
    { key: 'a', text: 'A' },
  ],
};
const multiple: PaperQuestion = { ...single, versionId: 'v2', type: 'multiple' };

describe('choosing options', () => {
  it('a single-choice question keeps only the last option chosen', () => {
    const a = toggleOption({}, single, 'a');
    expect(toggleOption(a, single, 'c')).toEqual({ v1: ['c'] });
  });

  it('a multiple-choice question toggles options and keeps the paper order', () => {
    let a = toggleOption({}, multiple, 'a');
    a = toggleOption(a, multiple, 'c');
    expect(a).toEqual({ v2: ['c', 'a'] });
    a = toggleOption(a, multiple, 'c');
    a = toggleOption(a, multiple, 'a');
    expect(a).toEqual({});
    expect(isAnswered(a, 'v2')).toBe(false);
  });
});
