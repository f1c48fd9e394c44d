import { z } from 'zod';
import { UNIT_LEVELS } from '../core/units/unit';
import { ZContestStatus } from './contests';

/** Contest results API (`/api/contest-results/*`): results, rankings, unit summaries, dashboard, publication. */

export const RESULT_STATES = ['absent', 'in_progress', 'ungraded', 'graded'] as const;
export const ZResultState = z.enum(RESULT_STATES);
export const ZResultFlag = z.enum(['pass', 'khong_xet_khen_thuong']);
export const ZShowAnswers = z.enum(['none', 'own']);

export const ZContestResultParams = z.object({ contestId: z.uuid() });
export const ZContestUnitParams = z.object({ contestId: z.uuid(), unitId: z.uuid() });
export const ZContestCandidateParams = z.object({ contestId: z.uuid(), candidateId: z.uuid() });

export const ZPlace = z.object({ rank: z.number().int().nullable(), of: z.number().int() });

export const ZResultRow = z.object({
  candidateId: z.uuid(),
  number: z.string(),
  fullName: z.string(),
  unitId: z.uuid().nullable(),
  unitCode: z.string().nullable(),
  unitName: z.string(),
  level: z.enum(UNIT_LEVELS),
  sessionName: z.string().nullable(),
  state: ZResultState,
  theory: z.number().nullable(),
  practice: z.number().nullable(),
  total: z.number().nullable(),
  flag: ZResultFlag.nullable(),
  overall: ZPlace,
  byLevel: ZPlace,
  byUnit: ZPlace,
});
export type TResultRow = z.infer<typeof ZResultRow>;

export const ZPublication = z.object({
  showAnswers: ZShowAnswers,
  publishedAt: z.string(),
});

export const ZContestResultsHead = z.object({
  id: z.uuid(),
  year: z.number().int(),
  name: z.string(),
  status: ZContestStatus,
  scale: z.number(),
  passThreshold: z.number(),
  theoryPoints: z.number(),
  practicePoints: z.number(),
});

/** Why results cannot be published yet (empty = they can). */
export const ZPublishBlockers = z.object({
  inProgress: z.number().int(),
  ungraded: z.number().int(),
});

export const ZContestResults = z.object({
  contest: ZContestResultsHead,
  publication: ZPublication.nullable(),
  /** Publishing is allowed: the contest is closed, or every attempt is final and graded. */
  canPublish: z.boolean(),
  blockers: ZPublishBlockers,
  rows: z.array(ZResultRow),
});
export type TContestResults = z.infer<typeof ZContestResults>;

export const ZContestResultSummary = z.object({
  id: z.uuid(),
  year: z.number().int(),
  name: z.string(),
  status: ZContestStatus,
  candidateCount: z.number().int(),
  publishedAt: z.string().nullable(),
});
export const ZContestResultList = z.object({ items: z.array(ZContestResultSummary) });
export type TContestResultList = z.infer<typeof ZContestResultList>;

export const ZGroupFigures = z.object({
  registered: z.number().int(),
  sat: z.number().int(),
  graded: z.number().int(),
  averageTotal: z.number().nullable(),
  averageTheory: z.number().nullable(),
  averagePractice: z.number().nullable(),
  highest: z.number().nullable(),
  lowest: z.number().nullable(),
  passed: z.number().int(),
  belowThreshold: z.number().int(),
  passRate: z.number().nullable(),
});

export const ZUnitSummary = ZGroupFigures.extend({
  unitKey: z.string(),
  unitId: z.uuid().nullable(),
  unitCode: z.string().nullable(),
  unitName: z.string(),
  level: z.enum(UNIT_LEVELS),
  rankInLevel: z.number().int().nullable(),
});
export type TUnitSummary = z.infer<typeof ZUnitSummary>;
export const ZUnitSummaryList = z.object({ items: z.array(ZUnitSummary) });

/** One unit's own figures and candidates (what a unit's reporter may read). */
export const ZUnitResults = z.object({
  contest: ZContestResultsHead,
  summary: ZUnitSummary.nullable(),
  rows: z.array(ZResultRow),
});
export type TUnitResults = z.infer<typeof ZUnitResults>;

export const ZDashboard = z.object({
  contest: ZContestResultsHead,
  overall: ZGroupFigures,
  /** Histogram of totals: bins [from, to) of a tenth of the scale, the last one closed. */
  distribution: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
  levels: z.array(ZGroupFigures.extend({ level: z.enum(UNIT_LEVELS) })),
  units: z.array(ZUnitSummary),
  /** Averages of each section and their maximum on the contest scale. */
  sections: z.array(
    z.object({
      code: z.enum(['theory', 'practice']),
      name: z.string(),
      max: z.number(),
      average: z.number().nullable(),
    }),
  ),
  /** Earlier contests (older years) and each unit's average and pass rate in them. */
  history: z.object({
    years: z.array(z.object({ contestId: z.uuid(), year: z.number().int(), name: z.string() })),
    units: z.array(
      z.object({
        unitKey: z.string(),
        unitName: z.string(),
        level: z.enum(UNIT_LEVELS),
        /** One entry per year of `years`, then the current contest last; null when the unit had no result. */
        averages: z.array(z.number().nullable()),
        passRates: z.array(z.number().nullable()),
      }),
    ),
  }),
});
export type TDashboard = z.infer<typeof ZDashboard>;

export const ZPublishRequest = z.object({ showAnswers: ZShowAnswers });
export const ZWithdrawRequest = z.object({
  reason: z.string().trim().min(3, 'Nhập lý do thu hồi (ít nhất 3 ký tự)').max(500),
});

export const ZSlipsQuery = z.object({
  unitId: z.uuid().optional(),
  sessionId: z.uuid().optional(),
});

/** The candidate's own result on the exam page (`GET /api/exam/result`). */
export const ZOwnAnswer = z.object({
  no: z.number().int(),
  stem: z.string(),
  options: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      text: z.string(),
      chosen: z.boolean(),
      correct: z.boolean(),
    }),
  ),
  points: z.number(),
  max: z.number(),
});
export type TOwnAnswer = z.infer<typeof ZOwnAnswer>;
export const ZOwnResult = z.discriminatedUnion('published', [
  z.object({ published: z.literal(false) }),
  z.object({
    published: z.literal(true),
    contestName: z.string(),
    number: z.string(),
    fullName: z.string(),
    unitName: z.string(),
    state: ZResultState,
    theory: z.number().nullable(),
    practice: z.number().nullable(),
    total: z.number().nullable(),
    flag: ZResultFlag.nullable(),
    scale: z.number(),
    passThreshold: z.number(),
    theoryPoints: z.number(),
    practicePoints: z.number(),
    /** Present only when the publication allows candidates to review their own answers. */
    answers: z.array(ZOwnAnswer).nullable(),
  }),
]);
export type TOwnResult = z.infer<typeof ZOwnResult>;
