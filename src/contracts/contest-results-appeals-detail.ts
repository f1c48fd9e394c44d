import { z } from 'zod';
import { ZAppeal, ZResultFigures } from './contest-results-appeals';

/** One event of the attempt's record (logins, saves, proctor actions, the end). */
export const ZAppealEvent = z.object({
  id: z.number(),
  at: z.string(),
  kind: z.string(),
  seq: z.number().nullable(),
  payload: z.unknown(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});

/** A theory question as the candidate saw it, with their selection and the key it is graded on. */
export const ZAppealTheoryItem = z.object({
  n: z.number().int(),
  versionId: z.string(),
  type: z.string(),
  stem: z.string(),
  points: z.number(),
  earned: z.number().nullable(),
  options: z.array(
    z.object({ key: z.string(), text: z.string(), selected: z.boolean(), correct: z.boolean() }),
  ),
  /** The contest's current correction of this question, if any. */
  override: z.enum(['key', 'drop_credit', 'drop_remove']).nullable(),
});

export const ZAppealPractice = z.object({
  scenarioCode: z.string(),
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  gradedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  tasks: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      points: z.number(),
      max: z.number(),
      checks: z.array(
        z.object({
          id: z.string(),
          label: z.string(),
          passed: z.boolean(),
          points: z.number(),
          max: z.number(),
          explanation: z.string(),
        }),
      ),
    }),
  ),
  sentMails: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      to: z.array(z.string()),
      cc: z.array(z.string()),
      subject: z.string(),
      body: z.string(),
      attachments: z.array(z.object({ fileId: z.string(), fileName: z.string() })),
    }),
  ),
  documents: z.array(
    z.object({
      id: z.string(),
      direction: z.enum(['incoming', 'outgoing']),
      subject: z.string(),
      numberSymbol: z.string().nullable(),
      status: z.string(),
      holder: z.string(),
      directive: z.string().nullable(),
      signatures: z.array(
        z.object({
          by: z.string(),
          at: z.string(),
          signerName: z.string(),
          certificateSerial: z.string().nullable(),
        }),
      ),
    }),
  ),
  answers: z.array(z.object({ question: z.string(), answer: z.string(), at: z.string() })),
  /** Every stored file and revision (seed, upload, signed, issued), newest last. */
  files: z.array(
    z.object({
      id: z.uuid(),
      key: z.string(),
      revision: z.number().int(),
      kind: z.string(),
      filename: z.string(),
      mime: z.string(),
      size: z.number().int(),
      sha256: z.string(),
      createdAt: z.string(),
    }),
  ),
});
export type TAppealPractice = z.infer<typeof ZAppealPractice>;

/** Everything the organiser decides an appeal on. */
export const ZAppealDetail = z.object({
  appeal: ZAppeal,
  candidate: z.object({
    number: z.string(),
    fullName: z.string(),
    unitName: z.string(),
    sessionName: z.string().nullable(),
    attemptId: z.uuid().nullable(),
    finalisedAt: z.string().nullable(),
  }),
  sectionMax: z.object({ theory: z.number(), practice: z.number(), total: z.number() }),
  result: ZResultFigures.nullable(),
  adjustments: z.array(
    z.object({
      section: z.enum(['theory', 'practice']),
      points: z.number(),
      reason: z.string(),
      appealId: z.uuid().nullable(),
      createdAt: z.string(),
    }),
  ),
  events: z.array(ZAppealEvent),
  theory: z.array(ZAppealTheoryItem),
  practice: ZAppealPractice.nullable(),
});
export type TAppealDetail = z.infer<typeof ZAppealDetail>;

export const ZAppealDecisionResult = z.object({
  appeal: ZAppeal,
  regrade: z
    .object({
      regradeId: z.uuid(),
      changedCount: z.number().int(),
      checkedCount: z.number().int(),
      diff: z.array(z.unknown()),
    })
    .nullable(),
});
export type TAppealDecisionResult = z.infer<typeof ZAppealDecisionResult>;
