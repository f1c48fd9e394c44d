import { describe, expect, it } from 'vitest';
import {
  ENTRY_STATUS_LABELS,
  REVIEW_STATE_LABELS,
  UNIT_STATE_LABELS,
} from '../../../../contracts/cycle-domain';
import { cycleFormEn, cycleFormVi } from '../../../i18n/sections/cycleForm';

describe('cycleForm text', () => {
  it('has the same keys in Vietnamese and English', () => {
    expect(Object.keys(cycleFormEn).sort()).toEqual(Object.keys(cycleFormVi).sort());
  });

  it('shows the domain’s Vietnamese labels of states and statuses', () => {
    const vi = cycleFormVi as Record<string, string>;
    for (const [s, label] of Object.entries(ENTRY_STATUS_LABELS)) expect(vi[`entryStatus_${s}`]).toBe(label);
    for (const [s, label] of Object.entries(UNIT_STATE_LABELS)) expect(vi[`unitState_${s}`]).toBe(label);
    for (const [s, label] of Object.entries(REVIEW_STATE_LABELS)) expect(vi[`reviewState_${s}`]).toBe(label);
  });

  it('is written in NFC', () => {
    for (const text of Object.values(cycleFormVi)) expect(text).toBe(text.normalize('NFC'));
  });
});
