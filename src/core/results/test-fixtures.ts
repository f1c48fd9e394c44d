import type { Framework, FrameworkNode } from '../framework/model';
import { scoreUnits } from '../scoring/score-unit';
import type { LeafEntry, UnitData, UnitScore } from '../scoring/types';
import type { YearResults } from './types';

const leaf = (code: string, maxPoints: number, extra: Partial<FrameworkNode> = {}): FrameworkNode => ({
  code,
  kind: 'component',
  name: `Chỉ số ${code}`,
  maxPoints,
  rule: { type: 'manual' },
  ...extra,
});

/**
 * A sở-level set scored from points (manual leaves), 100 points: pillar 1 = main 1.1 (40: leaves
 * 1.1.1 and 1.1.2, 20 each; 1.1.2 may be declared not applicable) + main 1.2 (60: leaves 1.2.1 and
 * 1.2.2, 30 each; 1.2 as a whole may be declared not applicable). Bands Tốt 0.8 / Khá 0.65 /
 * Trung bình 0.5 / Yếu 0.
 */
export function resultsFramework(year = 2025): Framework {
  return {
    formatVersion: 1,
    code: 'kq',
    name: 'Bộ chỉ số kết quả',
    year,
    level: 'so',
    nominalMax: 100,
    illustrative: true,
    groups: [
      { no: 1, name: 'Nhóm 1' },
      { no: 2, name: 'Nhóm 2' },
    ],
    policy: {
      notApplicable: 'rescale',
      missing: 'zero',
      rounding: { decimals: 2, mode: 'half_up' },
      bands: [
        { code: 'tot', label: 'Tốt', minValue: 0.8 },
        { code: 'kha', label: 'Khá', minValue: 0.65 },
        { code: 'trung_binh', label: 'Trung bình', minValue: 0.5 },
        { code: 'yeu', label: 'Yếu', minValue: 0 },
      ],
    },
    nodes: [
      {
        code: '1',
        kind: 'pillar',
        name: 'Chính quyền số',
        maxPoints: 100,
        children: [
          {
            code: '1.1',
            kind: 'main',
            name: 'Nhận thức số',
            maxPoints: 40,
            children: [leaf('1.1.1', 20), leaf('1.1.2', 20, { mayBeNotApplicable: true })],
          },
          {
            code: '1.2',
            kind: 'main',
            name: 'Hoạt động chính quyền số',
            maxPoints: 60,
            mayBeNotApplicable: true,
            children: [leaf('1.2.1', 30), leaf('1.2.2', 30)],
          },
        ],
      },
    ],
  };
}

/** Leaf points by code; 'na' declares the node not applicable; a code left out has no data. */
export type Points = Record<string, number | 'na'>;

export function unitData(unitId: string, points: Points, group = 1): UnitData {
  const inputs: Record<string, LeafEntry> = {};
  for (const [code, p] of Object.entries(points)) {
    inputs[code] = p === 'na' ? { notApplicable: true, reason: 'Không có nhiệm vụ này' } : { points: p };
  }
  return { unitId, level: 'so', group, inputs };
}

export function scored(
  f: Framework,
  units: Record<string, Points>,
  groups: Record<string, number> = {},
): UnitScore[] {
  return scoreUnits(
    f,
    Object.entries(units).map(([id, p]) => unitData(id, p, groups[id] ?? 1)),
  );
}

export function yearOf(
  year: number,
  units: Record<string, Points>,
  groups: Record<string, number> = {},
): YearResults {
  const f = resultsFramework(year);
  return { year, frameworks: [f], scores: scored(f, units, groups) };
}

/**
 * This year's units (group 1 unless noted). Values by hand:
 * A: 1.1 = 40/40 = 1,   1.2 = 30/60 = 0.5, total 70/100 = 0.7
 * B: 1.1 = 20/20 = 1 (1.1.2 not applicable), 1.2 = 36/60 = 0.6, total 56/80 = 0.7 (rescaled: ties A)
 * C: 1.1 = 10/40 = 0.25, 1.2 = 54/60 = 0.9, total 64/100 = 0.64
 * D: 1.1 = 20/40 = 0.5,  1.2 = 12/60 = 0.2, total 32/100 = 0.32
 * E (group 2): 1.1 = 20/40 = 0.5, 1.2 = 30/60 = 0.5, total 50/100 = 0.5
 */
export const THIS_YEAR: Record<string, Points> = {
  A: { '1.1.1': 20, '1.1.2': 20, '1.2.1': 15, '1.2.2': 15 },
  B: { '1.1.1': 20, '1.1.2': 'na', '1.2.1': 18, '1.2.2': 18 },
  C: { '1.1.1': 10, '1.1.2': 0, '1.2.1': 27, '1.2.2': 27 },
  D: { '1.1.1': 10, '1.1.2': 10, '1.2.1': 6, '1.2.2': 6 },
  E: { '1.1.1': 10, '1.1.2': 10, '1.2.1': 15, '1.2.2': 15 },
};
export const GROUPS = { E: 2 };
