import { z } from 'zod';
import { ZPage } from './common';

/** Longest appeal text and decision reason (characters). */
export const APPEAL_TEXT_MAX = 2000;

export const APPEAL_SECTIONS = ['theory', 'practice', 'total'] as const;
export const ZAppealSection = z.enum(APPEAL_SECTIONS, { message: 'Phần phúc khảo không hợp lệ' });
export type TAppealSection = z.infer<typeof ZAppealSection>;

export const APPEAL_STATUSES = ['open', 'rejected', 'accepted'] as const;
export const ZAppealStatus = z.enum(APPEAL_STATUSES);
export type TAppealStatus = z.infer<typeof ZAppealStatus>;

const ZText = (what: string) =>
  z
    .string({ message: `Vui lòng nhập ${what}` })
    .transform((s) => s.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(1, `Vui lòng nhập ${what}`)
        .max(APPEAL_TEXT_MAX, `${what[0]!.toUpperCase()}${what.slice(1)} tối đa ${APPEAL_TEXT_MAX} ký tự`),
    );

/** A candidate files on the exam page: their own result. */
export const ZExamAppealRequest = z.object({
  section: ZAppealSection,
  text: ZText('nội dung đơn'),
});
export type TExamAppealRequest = z.infer<typeof ZExamAppealRequest>;

/** A unit's staff (or the organiser on its behalf) files for one candidate. */
export const ZAppealFileRequest = ZExamAppealRequest.extend({
  candidateId: z.uuid({ message: 'Vui lòng chọn thí sinh' }),
});
export type TAppealFileRequest = z.infer<typeof ZAppealFileRequest>;

export const ZAppealAdjustment = z.object({
  section: z.enum(['theory', 'practice'], { message: 'Phần điều chỉnh không hợp lệ' }),
  /** Points on the contest's scale, added (or taken when negative). */
  points: z
    .number({ message: 'Số điểm điều chỉnh không hợp lệ' })
    .finite()
    .refine((p) => p !== 0, 'Số điểm điều chỉnh phải khác 0')
    .refine((p) => Math.abs(p) <= 1000, 'Số điểm điều chỉnh quá lớn'),
});
export type TAppealAdjustment = z.infer<typeof ZAppealAdjustment>;

export const ZAppealDecisionRequest = z.object({
  decision: z.enum(['accepted', 'rejected'], { message: 'Vui lòng chọn chấp nhận hoặc bác đơn' }),
  reason: ZText('lý do quyết định'),
  adjustment: ZAppealAdjustment.nullish(),
});
export type TAppealDecisionRequest = z.infer<typeof ZAppealDecisionRequest>;

export const ZResultFigures = z.object({
  theory: z.number(),
  practice: z.number(),
  total: z.number(),
  flag: z.string(),
});

/** An appeal as the lists show it. */
export const ZAppeal = z.object({
  id: z.uuid(),
  contestId: z.uuid(),
  candidateId: z.uuid(),
  number: z.string(),
  fullName: z.string(),
  unitId: z.uuid().nullable(),
  unitName: z.string(),
  section: ZAppealSection,
  text: z.string(),
  status: ZAppealStatus,
  filedBy: z.enum(['candidate', 'unit']),
  filedByName: z.string().nullable(),
  createdAt: z.string(),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  /** The adjustment the decision made, if any. */
  adjustment: ZAppealAdjustment.nullable(),
  regradeId: z.uuid().nullable(),
});
export type TAppeal = z.infer<typeof ZAppeal>;

export const ZAppealListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  status: ZAppealStatus.optional(),
  unitId: z.uuid().optional(),
  q: z.string().max(200).optional(),
});
export type TAppealListQuery = z.infer<typeof ZAppealListQuery>;

export const ZAppealPage = ZPage(ZAppeal).extend({
  counts: z.object({ open: z.number().int(), rejected: z.number().int(), accepted: z.number().int() }),
});
export type TAppealPage = z.infer<typeof ZAppealPage>;

export const ZContestAppealParams = z.object({ contestId: z.uuid() });
export const ZAppealParams = z.object({ appealId: z.uuid() });
export const ZAppealFileParams = z.object({ appealId: z.uuid(), fileId: z.uuid() });

/** What a candidate sees on the exam page: whether they may file, and their own appeals. */
export const ZExamAppeals = z.object({
  published: z.boolean(),
  /** End of the appeal window (publication + the window), null before publication. */
  closesAt: z.string().nullable(),
  canFile: z.boolean(),
  /** Sections an appeal may name (practice only when the contest has a practice part). */
  sections: z.array(ZAppealSection),
  items: z.array(
    z.object({
      id: z.uuid(),
      section: ZAppealSection,
      text: z.string(),
      status: ZAppealStatus,
      createdAt: z.string(),
      decisionReason: z.string().nullable(),
      decidedAt: z.string().nullable(),
      adjustment: ZAppealAdjustment.nullable(),
    }),
  ),
});
export type TExamAppeals = z.infer<typeof ZExamAppeals>;

/** Contests whose results are published, and their appeal windows (the unit's picker). */
export const ZAppealContestList = z.object({
  /** Days an appeal window stays open after publication. */
  windowDays: z.number().int(),
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      year: z.number().int(),
      publishedAt: z.string(),
      closesAt: z.string(),
      hasPractice: z.boolean(),
    }),
  ),
});
export type TAppealContestList = z.infer<typeof ZAppealContestList>;

export const ZAppealCandidateQuery = z.object({ q: z.string().max(200).optional() });

/** Candidates an appeal may be filed for (a reporter: their own unit's only). */
export const ZAppealCandidateList = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      number: z.string(),
      fullName: z.string(),
      unitName: z.string(),
      result: ZResultFigures.nullable(),
    }),
  ),
});
export type TAppealCandidateList = z.infer<typeof ZAppealCandidateList>;
