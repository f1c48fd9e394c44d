import { describe, expect, it } from 'vitest';
import { unitReviewState } from './states';

describe('unitReviewState', () => {
  it('derives the unit’s state from its indicators’ reviews', () => {
    expect(unitReviewState(['pending', 'pending'])).toBe('submitted');
    expect(unitReviewState(['agreed', 'pending'])).toBe('under_review');
    expect(unitReviewState(['agreed', 'answered'])).toBe('under_review');
    expect(unitReviewState(['agreed', 'requested'])).toBe('returned');
    expect(unitReviewState(['agreed', 'adjusted'])).toBe('reviewed');
    expect(unitReviewState([])).toBe('submitted');
  });
});
