import { z } from 'zod';
import { ZSnapshotUnit } from './cycles';

/** Results of a DTI cycle: leaders' dashboard, unit profile, what-if sandbox and the public page. */

const ZLevel = z.enum(['so', 'huyen', 'xa']);

/** Which published version to read; organisers may ask for `preview` (unpublished, computed from entries). */
export const ZResultsVersion = z.union([z.literal('preview'), z.coerce.number().int().min(1)]);

/** `total`, `pillar:<code>` or `main:<code>`: what the league table is ranked by (the dashboard's tabs). */
export const ZResultsBy = z
  .string()
  .regex(/^(total|pillar:[\w.-]+|main:[\w.-]+)$/, 'Chọn tổng điểm, một trụ cột hoặc một chỉ số chính')
  .default('total');

export const ZDashboardQuery = z.object({
  level: ZLevel.optional(),
  group: z.coerce.number().int().min(0).optional(),
  by: ZResultsBy,
  version: ZResultsVersion.optional(),
});
export type TDashboardQuery = z.infer<typeof ZDashboardQuery>;

export const ZResultsParams = z.object({ cycleId: z.uuid() });
export const ZResultsUnitParams = z.object({ cycleId: z.uuid(), unitId: z.uuid() });
/**
 * How a merged unit's earlier years are averaged from its predecessors: `mean` (default) as the national
 * DTI 2024 did for merged provinces, or `weighted` by each predecessor's applicable maximum points.
 */
export const ZTrendMethod = z.enum(['mean', 'weighted'], 'Chọn trung bình cộng hoặc trung bình có trọng số');
export type TTrendMethod = z.infer<typeof ZTrendMethod>;
export const ZUnitResultsQuery = z.object({
  version: ZResultsVersion.optional(),
  trend: ZTrendMethod.default('mean'),
});

/** Where the figures come from: a published snapshot or the organisers' preview of current entries. */
export const ZResultsSource = z.object({
  cycleId: z.uuid(),
  cycleName: z.string(),
  year: z.number().int(),
  source: z.enum(['published', 'preview']),
  version: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
});

const ZTriple = z.object({ points: z.number(), max: z.number(), value: z.number().nullable() });
const ZStanding = z.object({
  value: z.number().nullable(),
  rank: z.number().int().nullable(),
  of: z.number(),
});

export const ZLeagueRow = z.object({
  unitId: z.uuid(),
  code: z.string(),
  name: z.string(),
  /** Shared rank ("1, 2, 2, 4"); null when the unit has no value on the key. */
  rank: z.number().int().nullable(),
  value: z.number().nullable(),
  points: z.number().nullable(),
  max: z.number().nullable(),
  band: z.string().nullable(),
  previous: ZStanding.nullable(),
  previousBasis: z.enum(['own', 'merged', 'predecessor']).nullable(),
  valueChange: z.number().nullable(),
  percentChange: z.number().nullable(),
  rankChange: z.number().int().nullable(),
});
export type TLeagueRow = z.infer<typeof ZLeagueRow>;

export const ZLeagueTable = z.object({
  level: ZLevel,
  group: z.number().int().nullable(),
  partition: z.string(),
  of: z.number().int(),
  rows: z.array(ZLeagueRow),
});

export const ZDistribution = z.object({
  scale: z.enum(['value', 'points']),
  bins: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
  below: z.number().int(),
  above: z.number().int(),
  bands: z.array(
    z.object({ code: z.string(), label: z.string(), minValue: z.number(), count: z.number().int() }),
  ),
  unbanded: z.number().int(),
  missing: z.number().int(),
  summary: z.object({
    count: z.number().int(),
    mean: z.number().nullable(),
    median: z.number().nullable(),
    min: z.number().nullable(),
    max: z.number().nullable(),
    stdev: z.number().nullable(),
  }),
});

export const ZHeatmap = z.object({
  level: ZLevel,
  group: z.number().int().nullable(),
  columns: z.array(z.object({ code: z.string(), name: z.string(), maxPoints: z.number() })),
  rows: z.array(z.object({ unitId: z.uuid(), values: z.array(z.number().nullable()) })),
  averages: z.array(z.number().nullable()),
});

export const ZSelfAppraisedGap = z.object({
  unitId: z.uuid(),
  code: z.string(),
  name: z.string(),
  self: ZTriple,
  appraised: ZTriple.nullable(),
  gapPoints: z.number().nullable(),
  gapValue: z.number().nullable(),
  relative: z.number().nullable(),
});

/** A tab of the dashboard: the total, a pillar or a main index of the level's index set. */
export const ZResultsTab = z.object({ by: z.string(), code: z.string().nullable(), name: z.string() });

export const ZDashboard = ZResultsSource.extend({
  level: ZLevel,
  group: z.number().int().nullable(),
  by: z.string(),
  /** Levels and groups present in the results, for the filters. */
  levels: z.array(z.object({ level: ZLevel, groups: z.array(z.number().int().nullable()) })),
  tabs: z.array(ZResultsTab),
  tables: z.array(ZLeagueTable),
  distribution: ZDistribution,
  heatmaps: z.array(ZHeatmap),
  mostImproved: z.array(ZLeagueRow),
  gaps: z.array(ZSelfAppraisedGap),
});
export type TDashboard = z.infer<typeof ZDashboard>;

const ZIndicatorDetail = z.object({
  code: z.string(),
  name: z.string(),
  points: z.number(),
  max: z.number(),
  lost: z.number(),
  peerAveragePoints: z.number(),
  gapPoints: z.number(),
});
const ZStrengthItem = z.object({
  code: z.string(),
  name: z.string(),
  value: z.number(),
  peerAverage: z.number(),
  gap: z.number(),
  z: z.number().nullable(),
  indicators: z.array(ZIndicatorDetail),
});

export const ZTrendPoint = z.object({
  year: z.number().int(),
  value: z.number().nullable(),
  points: z.number(),
  max: z.number(),
  rank: z.number().int().nullable(),
  of: z.number().int().nullable(),
  basis: z.enum(['own', 'merged', 'predecessor']),
  sources: z.array(z.string()),
  nodes: z.record(z.string(), z.number().nullable()),
  change: z.number().nullable(),
});

export const ZUnitProfile = ZResultsSource.extend({
  /** How the trend's merged years were averaged. */
  trendMethod: ZTrendMethod,
  unit: z.object({
    unitId: z.uuid(),
    code: z.string(),
    name: z.string(),
    level: ZLevel,
    groupNo: z.number().int().nullable(),
  }),
  scores: z.object({
    self: ZTriple,
    appraised: ZTriple,
    final: ZTriple.extend({ scaled: z.number().nullable() }),
  }),
  rank: z.number().int().nullable(),
  rankOf: z.number().int(),
  band: z.string().nullable(),
  radar: z.object({
    axes: z.array(z.object({ code: z.string(), name: z.string(), max: z.literal(1) })),
    unit: z.array(z.number().nullable()),
    groupAverage: z.array(z.number().nullable()),
  }),
  strengths: z.array(ZStrengthItem),
  weaknesses: z.array(ZStrengthItem),
  trend: z.array(ZTrendPoint),
  /** The other units the trend stands on (predecessors named in `trend[].sources`). */
  predecessors: z.array(z.object({ unitId: z.uuid(), code: z.string(), name: z.string() })),
  evidence: z.object({
    required: z.number().int(),
    provided: z.number().int(),
    missing: z.number().int(),
    share: z.number().nullable(),
  }),
});
export type TUnitProfile = z.infer<typeof ZUnitProfile>;

/** A sandbox scenario: other main-index maxima and/or another not-applicable policy; nothing is stored. */
export const ZWhatIfInput = z
  .object({
    level: ZLevel.optional(),
    version: ZResultsVersion.optional(),
    mainMax: z.record(z.string(), z.number().min(0, 'Điểm tối đa không được âm').max(10_000)).optional(),
    notApplicable: z.enum(['rescale', 'rank_separately']).optional(),
    missing: z.enum(['zero', 'not_applicable']).optional(),
    /** A unit "moves" when its rank changes by more than this many places. */
    places: z.number().int().min(0).max(10_000).default(0),
  })
  .refine((b) => b.mainMax !== undefined || b.notApplicable !== undefined || b.missing !== undefined, {
    message: 'Nhập điểm tối đa mới của chỉ số chính hoặc chọn cách xử lý chỉ số không áp dụng',
  });
export type TWhatIfInput = z.input<typeof ZWhatIfInput>;

const ZWhatIfSide = z.object({
  value: z.number().nullable(),
  points: z.number(),
  max: z.number(),
  rank: z.number().int().nullable(),
  of: z.number().int(),
});

export const ZWhatIfResult = ZResultsSource.extend({
  level: ZLevel,
  units: z.array(
    z.object({
      unitId: z.uuid(),
      code: z.string(),
      name: z.string(),
      group: z.number().int().nullable(),
      baseline: ZWhatIfSide,
      scenario: ZWhatIfSide,
      rankChange: z.number().int().nullable(),
      moved: z.boolean(),
    }),
  ),
  groups: z.array(
    z.object({
      level: ZLevel,
      group: z.number().int().nullable(),
      compared: z.number().int(),
      moved: z.number().int(),
      share: z.number().nullable(),
      spearman: z.number().nullable(),
    }),
  ),
  compared: z.number().int(),
  moved: z.number().int(),
  share: z.number().nullable(),
});
export type TWhatIfResult = z.infer<typeof ZWhatIfResult>;

// ---- public results page (no login, published snapshots only, nothing beyond them) ----

export const ZPublicYearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const ZPublicUnitParams = ZPublicYearParams.extend({ unitCode: z.string().min(1).max(50) });

const ZPublicCycle = z.object({
  cycleId: z.uuid(),
  cycleName: z.string(),
  version: z.number().int(),
  publishedAt: z.string(),
});

export const ZPublicResults = z.object({
  year: z.number().int(),
  cycles: z.array(ZPublicCycle.extend({ units: z.array(ZSnapshotUnit) })),
});
export type TPublicResults = z.infer<typeof ZPublicResults>;

export const ZPublicUnitResult = z.object({
  year: z.number().int(),
  cycle: ZPublicCycle,
  unit: ZSnapshotUnit,
});
export type TPublicUnitResult = z.infer<typeof ZPublicUnitResult>;
