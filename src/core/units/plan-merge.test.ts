import { describe, expect, it } from 'vitest';
import { AppError, type ErrorCode } from '../shared/app-error';
import { planMerge, planSplit, type UnitRef } from './plan-merge';

const ref = (id: string, over: Partial<UnitRef> = {}): UnitRef => ({
  id,
  code: id.toUpperCase(),
  name: `Phường ${id}`,
  level: 'xa',
  validFrom: '2020-01-01',
  validTo: null,
  ...over,
});

function codeOf(fn: () => unknown): ErrorCode {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).code;
  }
  throw new Error('expected an AppError');
}

describe('planMerge', () => {
  it('ends every predecessor the day before and links each to the new unit', () => {
    const plan = planMerge([ref('a'), ref('b'), ref('c')], 'NEW', '2025-07-01');
    expect(plan.retire).toEqual([
      { id: 'a', validTo: '2025-06-30' },
      { id: 'b', validTo: '2025-06-30' },
      { id: 'c', validTo: '2025-06-30' },
    ]);
    expect(plan.links).toEqual(
      ['a', 'b', 'c'].map((id) => ({
        predecessorId: id,
        successorCode: 'NEW',
        kind: 'merge',
        effectiveDate: '2025-07-01',
      })),
    );
  });

  it('ends predecessors on 29 February when the merger takes effect on 1 March of a leap year', () => {
    expect(planMerge([ref('a'), ref('b')], 'N', '2024-03-01').retire.map((r) => r.validTo)).toEqual([
      '2024-02-29',
      '2024-02-29',
    ]);
  });

  it('may end a unit earlier than its planned end date', () => {
    const plan = planMerge([ref('a', { validTo: '2030-12-31' }), ref('b')], 'N', '2025-07-01');
    expect(plan.retire[0]).toEqual({ id: 'a', validTo: '2025-06-30' });
  });

  it('needs at least two units of the same level', () => {
    expect(codeOf(() => planMerge([ref('a')], 'N', '2025-07-01'))).toBe('validation_failed');
    expect(codeOf(() => planMerge([], 'N', '2025-07-01'))).toBe('validation_failed');
    expect(codeOf(() => planMerge([ref('a'), ref('h', { level: 'huyen' })], 'N', '2025-07-01'))).toBe(
      'validation_failed',
    );
  });

  it('refuses a date that does not exist', () => {
    expect(codeOf(() => planMerge([ref('a'), ref('b')], 'N', '2025-02-30'))).toBe('validation_failed');
    expect(codeOf(() => planMerge([ref('a'), ref('b')], 'N', '01/07/2025'))).toBe('validation_failed');
  });

  it('refuses a unit already ended before the date', () => {
    const retired = ref('b', { validTo: '2025-06-30' });
    expect(codeOf(() => planMerge([ref('a'), retired], 'N', '2025-07-01'))).toBe('unit_retired');
    // Still in force on the day itself: allowed.
    expect(planMerge([ref('a'), ref('b', { validTo: '2025-07-01' })], 'N', '2025-07-01').retire).toHaveLength(
      2,
    );
  });

  it('refuses a date on or before the start of a predecessor', () => {
    expect(
      codeOf(() => planMerge([ref('a'), ref('b', { validFrom: '2025-07-01' })], 'N', '2025-07-01')),
    ).toBe('validation_failed');
    expect(
      codeOf(() => planMerge([ref('a'), ref('b', { validFrom: '2026-01-01' })], 'N', '2025-07-01')),
    ).toBe('validation_failed');
  });
});

describe('planSplit', () => {
  it('ends the unit the day before and links it to each new unit', () => {
    const plan = planSplit(ref('a'), ['N1', 'N2'], '2025-07-01');
    expect(plan.retire).toEqual([{ id: 'a', validTo: '2025-06-30' }]);
    expect(plan.links).toEqual([
      { predecessorId: 'a', successorCode: 'N1', kind: 'split', effectiveDate: '2025-07-01' },
      { predecessorId: 'a', successorCode: 'N2', kind: 'split', effectiveDate: '2025-07-01' },
    ]);
  });

  it('needs at least two distinct new units', () => {
    expect(codeOf(() => planSplit(ref('a'), ['N1'], '2025-07-01'))).toBe('validation_failed');
    expect(codeOf(() => planSplit(ref('a'), ['N1', 'N1'], '2025-07-01'))).toBe('validation_failed');
  });

  it('applies the same date checks as a merger', () => {
    expect(codeOf(() => planSplit(ref('a', { validTo: '2024-12-31' }), ['N1', 'N2'], '2025-07-01'))).toBe(
      'unit_retired',
    );
    expect(codeOf(() => planSplit(ref('a', { validFrom: '2025-07-01' }), ['N1', 'N2'], '2025-07-01'))).toBe(
      'validation_failed',
    );
    expect(codeOf(() => planSplit(ref('a'), ['N1', 'N2'], '2025-13-01'))).toBe('validation_failed');
  });
});
