import { z } from 'zod';
import { QUESTION_TYPES } from '../core/exam/question';

/** Item analysis of a contest's theory part and its regrades (corrections of keys, dropped questions). */

export const ZItemFlag = z.enum(['too_easy', 'too_hard', 'poor_discrimination', 'negative_discrimination']);
export type TItemFlag = z.infer<typeof ZItemFlag>;

export const ZOverrideMode = z.enum(['key', 'drop_credit', 'drop_remove']);
export type TOverrideMode = z.infer<typeof ZOverrideMode>;

const num = z.number().nullable();

export const ZOptionFrequency = z.object({
  key: z.string().nullable(),
  correct: z.boolean(),
  count: z.number().int(),
  percent: z.number(),
  upper: num,
  lower: num,
});
export type TOptionFrequency = z.infer<typeof ZOptionFrequency>;

/** Statistics of one question version (as stored in `question_version_stats.stats`). */
export const ZItemStats = z.object({
  versionId: z.uuid(),
  responses: z.number().int(),
  inTotal: z.boolean(),
  facility: num,
  sd: num,
  randomGuess: z.number(),
  pUpper: num,
  pLower: num,
  upperLower: num,
  pointBiserial: num,
  discriminationIndex: num,
  discriminativeEfficiency: num,
  options: z.array(ZOptionFrequency),
  flags: z.array(ZItemFlag),
});
export type TItemStats = z.infer<typeof ZItemStats>;

export const ZTestStats = z.object({
  attempts: z.number().int(),
  k: z.number(),
  mean: num,
  sd: num,
  maxTotal: z.number(),
  alpha: num,
  errorRatio: num,
  sem: num,
  commonItems: z.boolean(),
});
export type TTestStats = z.infer<typeof ZTestStats>;

export const ZItemOption = z.object({ key: z.string(), text: z.string(), correct: z.boolean() });

/** A question of the contest as the organiser reviews it: content, key in force, correction. */
export const ZContestQuestion = z.object({
  versionId: z.uuid(),
  questionId: z.uuid(),
  code: z.string().nullable(),
  versionNo: z.number().int(),
  type: z.enum(QUESTION_TYPES),
  stem: z.string(),
  /** `correct` is the key in force (the corrected one when there is a key correction). */
  options: z.array(ZItemOption),
  /** The bank's key, as the papers were drawn. */
  bankCorrect: z.array(z.string()),
  override: ZOverrideMode.nullable(),
  overrideReason: z.string().nullable(),
  /** Finalised attempts whose paper has it. */
  attempts: z.number().int(),
});
export type TContestQuestion = z.infer<typeof ZContestQuestion>;

export const ZItemAnalysisRow = ZContestQuestion.extend({ stats: ZItemStats });
export type TItemAnalysisRow = z.infer<typeof ZItemAnalysisRow>;

export const ZItemAnalysis = z.object({
  contestId: z.uuid(),
  /** Null: not computed yet (the contest is still open and nobody asked). */
  computedAt: z.string().nullable(),
  /** A regrade happened after the statistics were computed. */
  stale: z.boolean(),
  /** Whether the statistics may be computed now, and if not why (Vietnamese). */
  canCompute: z.boolean(),
  blockedReason: z.string().nullable(),
  test: ZTestStats.nullable(),
  items: z.array(ZItemAnalysisRow),
});
export type TItemAnalysis = z.infer<typeof ZItemAnalysis>;

/** The last statistics of a version, as the bank shows them. */
export const ZVersionStatsBrief = z.object({
  contestId: z.uuid(),
  contestName: z.string(),
  year: z.number().int(),
  responses: z.number().int(),
  facility: num,
  upperLower: num,
  pointBiserial: num,
  flags: z.array(ZItemFlag),
  computedAt: z.string(),
});
export type TVersionStatsBrief = z.infer<typeof ZVersionStatsBrief>;

export const ZCorrection = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('key'), correct: z.array(z.string().min(1).max(20)).min(1).max(20) }),
  z.object({ mode: z.literal('drop_credit') }),
  z.object({ mode: z.literal('drop_remove') }),
  z.object({ mode: z.literal('restore') }),
]);
export type TCorrection = z.infer<typeof ZCorrection>;

export const ZRegradeRequest = z.object({
  versionId: z.uuid(),
  correction: ZCorrection,
  /** Required unless dry run. */
  reason: z.string().trim().max(2000).default(''),
  dryRun: z.boolean().default(false),
});
export type TRegradeRequest = z.input<typeof ZRegradeRequest>;

const ZResultSnapshot = z.object({
  theory: num,
  practice: num,
  total: num,
  flag: z.enum(['pass', 'khong_xet_khen_thuong']).nullable(),
});

export const ZRegradeDiffEntry = z.object({
  attemptId: z.uuid(),
  candidateId: z.uuid(),
  number: z.string(),
  fullName: z.string(),
  unitName: z.string(),
  before: ZResultSnapshot,
  after: ZResultSnapshot,
  delta: z.number(),
});
export type TRegradeDiffEntry = z.infer<typeof ZRegradeDiffEntry>;

export const ZRegradeOutcome = z.object({
  dryRun: z.boolean(),
  regradeId: z.uuid().nullable(),
  diff: z.array(ZRegradeDiffEntry),
  changedCount: z.number().int(),
  checkedCount: z.number().int(),
  affectedCount: z.number().int(),
});
export type TRegradeOutcome = z.infer<typeof ZRegradeOutcome>;

export const ZRegradeCause = z.enum(['key', 'drop_credit', 'drop_remove', 'restore', 'appeal']);

export const ZRegradeRecord = z.object({
  id: z.uuid(),
  cause: ZRegradeCause,
  versionId: z.uuid().nullable(),
  questionCode: z.string().nullable(),
  questionStem: z.string().nullable(),
  change: z.unknown(),
  reason: z.string(),
  diff: z.array(ZRegradeDiffEntry),
  changedCount: z.number().int(),
  checkedCount: z.number().int(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
});
export type TRegradeRecord = z.infer<typeof ZRegradeRecord>;

export const ZRegradeHistory = z.object({ items: z.array(ZRegradeRecord) });
export const ZContestQuestionList = z.object({ items: z.array(ZContestQuestion) });
export type TContestQuestionList = z.infer<typeof ZContestQuestionList>;

/** The flag thresholds, shown beside the table. */
export {
  MIN_RESPONSES_FOR_FLAGS,
  POOR_DISCRIMINATION,
  TOO_EASY_FACILITY,
  TOO_HARD_FACILITY,
} from '../core/exam/item-stats';
