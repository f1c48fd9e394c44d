import { outcomePoints, selfOutcome } from '../../core/cycle/entry-score';
import { sampleInputs } from '../../core/cycle/sample-inputs';
import type { Framework, FrameworkNode, Rule } from '../../core/framework/model';
import { leafNodes } from '../../core/framework/tree';
import type { Actor } from '../audit';
import type { Db } from '../db/client';
import { cycleEntries, cycleEvidence, units, users } from '../db/schema';
import { insertVersion } from '../framework/create-version';
import { createCycle } from './create-cycle';
import { setReviewers } from './reviewers';
import { openWindows } from './testing';

/**
 * A cycle at the scale of a city (N communes × 60 indicators, one reviewer for every pillar), for the
 * scale test and the review benchmark.
 */

const RULES: Rule[] = [
  { type: 'ratio', whenDenominatorZero: 'zero' },
  { type: 'yes_no' },
  { type: 'count', cap: 5 },
  {
    type: 'option',
    options: [
      { code: 'a', label: 'Đầy đủ', fraction: 1 },
      { code: 'b', label: 'Một phần', fraction: 0.5 },
      { code: 'c', label: 'Chưa có' },
    ],
  },
  { type: 'linear', worst: 0, best: 100 },
];

/** 3 pillars × 4 main indices × 5 leaves = 60 indicators of 5 points, every one needing evidence. */
export function sixtyIndicators(): Framework {
  const pillar = (p: number): FrameworkNode => ({
    code: `${p}`,
    kind: 'pillar',
    name: `Trụ cột ${p}`,
    maxPoints: 100,
    children: [1, 2, 3, 4].map((m) => ({
      code: `${p}.${m}`,
      kind: 'main' as const,
      name: `Chỉ số chính ${p}.${m}`,
      maxPoints: 25,
      children: [1, 2, 3, 4, 5].map((l) => ({
        code: `${p}.${m}.${l}`,
        kind: 'component' as const,
        name: `Chỉ số thành phần ${p}.${m}.${l}`,
        maxPoints: 5,
        evidence: 'Văn bản, báo cáo chứng minh',
        rule: RULES[(m + l) % RULES.length]!,
      })),
    })),
  });
  return {
    formatVersion: 1,
    code: 'quy-mo-xa',
    name: 'Bộ chỉ số 60 chỉ số',
    year: 2025,
    level: 'xa',
    nominalMax: 300,
    illustrative: true,
    policy: {
      notApplicable: 'rescale',
      missing: 'zero',
      rounding: { decimals: 2, mode: 'half_up' },
      bands: [],
    },
    nodes: [1, 2, 3].map(pillar),
  };
}

type ScaleRole = 'organiser' | 'reviewer' | 'council';

export interface ScaleCycle {
  cycleId: string;
  framework: Framework;
  leaves: FrameworkNode[];
  unitIds: string[];
  actors: Record<ScaleRole, Actor & { role: ScaleRole }>;
}

/** Units, the three officials and an open cycle with one reviewer assigned to every pillar of every unit. */
export async function createScaleCycle(db: Db, unitCount: number): Promise<ScaleCycle> {
  const framework = sixtyIndicators();
  const frameworkId = await insertVersion(db, { id: null, username: 't', ip: null }, framework, {
    action: 'test',
  });
  const rows = await db
    .insert(units)
    .values(
      Array.from({ length: unitCount }, (_, i) => ({
        code: `QM-${String(i).padStart(5, '0')}`,
        name: `Xã Quy Mô ${i}`,
        level: 'xa' as const,
        kind: 'xã',
        validFrom: '2025-07-01',
      })),
    )
    .returning({ id: units.id });
  const actors = {} as ScaleCycle['actors'];
  for (const role of ['organiser', 'reviewer', 'council'] as const) {
    const [u] = await db
      .insert(users)
      .values({ username: `qm-${role}`, fullName: role, role, passwordHash: 'x' })
      .returning({ id: users.id });
    actors[role] = { id: u!.id, username: `qm-${role}`, ip: null, role };
  }
  const cycleId = await createCycle(db, actors.organiser, {
    year: 2025,
    name: 'Quy mô',
    windows: openWindows(),
    frameworks: { xa: frameworkId },
  });
  await setReviewers(
    db,
    actors.organiser,
    cycleId,
    ['1', '2', '3'].map((pillarCode) => ({ userId: actors.reviewer.id!, unitId: null, pillarCode })),
  );
  return { cycleId, framework, leaves: leafNodes(framework.nodes), unitIds: rows.map((r) => r.id), actors };
}

/** The evidence a unit gives for an indicator: a report with its number, date and link. */
export function evidenceOf(unitIndex: number, code: string) {
  return {
    docNumber: `${unitIndex}/BC`,
    docDate: '2025-12-01',
    summary: 'Báo cáo kết quả',
    url: `https://example.gov.vn/${unitIndex}/${code}`,
  };
}

/**
 * A unit's drafts and evidence for every indicator written in bulk, as the form would leave them (sample
 * inputs drawn from `random`, self points by the engine): for scale, not for the form's own checks.
 */
export async function writeDraftsInBulk(
  db: Db,
  cycle: ScaleCycle,
  unitIndex: number,
  random: () => number,
): Promise<void> {
  const { cycleId, leaves, framework } = cycle;
  const unitId = cycle.unitIds[unitIndex]!;
  await db.insert(cycleEntries).values(
    leaves.map((leaf) => {
      const inputs = sampleInputs(leaf, random);
      const self = selfOutcome(leaf, framework.policy, { inputs, notApplicable: null, central: null });
      return { cycleId, unitId, code: leaf.code, inputs, selfPoints: outcomePoints(self) };
    }),
  );
  await db
    .insert(cycleEvidence)
    .values(
      leaves.map((leaf) => ({ cycleId, unitId, code: leaf.code, ...evidenceOf(unitIndex, leaf.code) })),
    );
}
