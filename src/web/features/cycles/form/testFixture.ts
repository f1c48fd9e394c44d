import type { TEntryView, TUnitForm } from '../../../../contracts/cycles';

/** A unit's form for tests: one open self-assessment window, entries given by the test. */
export function entryFixture(code: string, over: Partial<TEntryView> = {}): TEntryView {
  const pillar = code.split('.')[0] ?? code;
  const main = code.split('.').slice(0, 2).join('.');
  return {
    code,
    name: `Chỉ số ${code}`,
    pillar,
    path: [
      { code: pillar, name: `Trụ cột ${pillar}` },
      { code: main, name: `Chỉ số chính ${main}` },
    ],
    maxPoints: 10,
    method: null,
    evidenceRequirement: null,
    dataSource: null,
    mayBeNotApplicable: false,
    rule: { type: 'yes_no' },
    inputs: null,
    notApplicable: null,
    central: null,
    selfPoints: null,
    status: 'not_started',
    problems: [],
    review: null,
    appraisedPoints: null,
    reviewReason: null,
    requestComment: null,
    requestDeadline: null,
    explanation: null,
    finalPoints: null,
    finalReason: null,
    assigneeId: null,
    evidence: [],
    updatedAt: null,
    ...over,
  };
}

const span = (opensAt: string, closesAt: string, state: 'not_open' | 'open' | 'closed') => ({
  opensAt,
  closesAt,
  state,
  extended: false,
});

export const UNIT_ID = '00000000-0000-4000-8000-000000000001';

export function formFixture(over: Partial<TUnitForm> = {}): TUnitForm {
  return {
    cycleId: '00000000-0000-4000-8000-0000000000c1',
    cycleName: 'Đánh giá DTI năm 2026',
    unit: { id: UNIT_ID, code: 'STTTT', name: 'Sở Thông tin và Truyền thông', level: 'so', groupNo: 1 },
    framework: {
      id: '00000000-0000-4000-8000-0000000000f1',
      name: 'Bộ chỉ số',
      nominalMax: 300,
      rounding: null,
    },
    state: 'draft',
    submittedAt: null,
    windowStatus: [
      { window: 'self_assessment', ...span('2026-06-01T01:00:00Z', '2026-06-30T10:00:00Z', 'open') },
      { window: 'review', ...span('2026-07-01T01:00:00Z', '2026-07-15T10:00:00Z', 'not_open') },
      { window: 'explanation', ...span('2026-07-16T01:00:00Z', '2026-07-25T10:00:00Z', 'not_open') },
    ],
    progress: 0,
    pillars: [],
    totals: { self: 0, appraised: null, final: null, max: 300 },
    entries: [],
    staff: [],
    ...over,
  };
}
