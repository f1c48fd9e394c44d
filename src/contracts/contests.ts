import { z } from 'zod';
import { SECTION_CODES } from '../core/exam/contest';
import { DIFFICULTIES } from '../core/exam/question';
import { UNIT_LEVELS } from '../core/units/unit';
import { ZIsoDate, ZPage, ZPageQuery } from './common';

/** Contest setup API (`/api/contests/*`): contests and their rules, exam sessions, candidates. */

export const CONTEST_STATUSES = ['draft', 'open', 'closed'] as const;
export const ZContestStatus = z.enum(CONTEST_STATUSES);
export type TContestStatus = z.infer<typeof ZContestStatus>;

export const ZBlueprintRow = z.object({
  categoryId: z.uuid().nullable().optional(),
  difficulty: z.enum(DIFFICULTIES).optional(),
  tag: z.string().trim().max(60).optional(),
  count: z.number().int('Số câu phải là số nguyên').min(1, 'Số câu phải lớn hơn 0').max(200),
});

/** The shape of `ContestRules`; the rules as a whole are checked by `validateContestRules`. */
export const ZContestRules = z.object({
  durationMinutes: z.number().int().min(1).max(600),
  graceSeconds: z.number().int().min(0).max(600),
  scale: z.number().positive().max(1000),
  sections: z
    .array(
      z.object({
        code: z.enum(SECTION_CODES),
        name: z.string().trim().min(1, 'Nhập tên phần thi').max(100),
        points: z.number().min(0).max(1000),
      }),
    )
    .min(1)
    .max(2),
  blueprint: z.array(ZBlueprintRow).max(50),
  shuffleQuestions: z.boolean(),
  shuffleOptions: z.boolean(),
  passThreshold: z.number().min(0).max(1000),
  multipleScoring: z.enum(['all_or_nothing', 'partial']),
  /** Code of the practice scenario (`GET /api/scenarios`); null or absent: no practice sandbox. */
  practiceScenario: z.string().trim().min(1, 'Chọn đề thực hành').max(100).nullable().optional(),
});
export type TContestRules = z.infer<typeof ZContestRules>;

export const ZContest = z.object({
  id: z.uuid(),
  year: z.number().int(),
  name: z.string(),
  rules: ZContestRules,
  status: ZContestStatus,
  isDemo: z.boolean(),
  sessionCount: z.number().int(),
  candidateCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TContest = z.infer<typeof ZContest>;
export const ZContestList = z.object({ items: z.array(ZContest) });
export type TContestList = z.infer<typeof ZContestList>;

const ZYear = z.number().int().min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ');
const ZContestName = z.string().trim().min(3, 'Tên kỳ thi quá ngắn').max(300);

/** Without rules a new contest starts from the default rules. */
export const ZContestInput = z.object({ year: ZYear, name: ZContestName, rules: ZContestRules.optional() });
export type TContestInput = z.infer<typeof ZContestInput>;
export const ZContestPatch = z.object({
  year: ZYear.optional(),
  name: ZContestName.optional(),
  rules: ZContestRules.optional(),
});
export type TContestPatch = z.infer<typeof ZContestPatch>;
export const ZContestStatusRequest = z.object({ status: ZContestStatus });

export const ZBlueprintRowCheck = z.object({
  index: z.number().int(),
  label: z.string(),
  needed: z.number().int(),
  available: z.number().int(),
  fillable: z.number().int(),
  ok: z.boolean(),
});
export const ZBlueprintCheck = z.object({
  ok: z.boolean(),
  needed: z.number().int(),
  /** Approved questions in the bank (all categories). */
  approvedTotal: z.number().int(),
  rows: z.array(ZBlueprintRowCheck),
});
export type TBlueprintCheck = z.infer<typeof ZBlueprintCheck>;

export const ZCategoryChoice = z.object({ id: z.uuid(), name: z.string(), parentId: z.uuid().nullable() });
export const ZCategoryChoices = z.object({ items: z.array(ZCategoryChoice) });
export type TCategoryChoice = z.infer<typeof ZCategoryChoice>;

// ——— sessions (ca thi)

export const SESSION_STATUSES = ['scheduled', 'running', 'paused', 'ended'] as const;

export const ZExamSession = z.object({
  id: z.uuid(),
  contestId: z.uuid(),
  name: z.string(),
  room: z.string().nullable(),
  scheduledAt: z.string(),
  status: z.enum(SESSION_STATUSES),
  candidateCount: z.number().int(),
});
export type TExamSession = z.infer<typeof ZExamSession>;
export const ZExamSessionList = z.object({ items: z.array(ZExamSession) });

export const ZExamSessionInput = z.object({
  name: z.string().trim().min(1, 'Nhập tên ca thi').max(100),
  room: z.string().trim().max(100).nullable().default(null),
  /** An instant with its offset, e.g. 2026-06-24T07:30:00+07:00. */
  scheduledAt: z.iso.datetime({ offset: true, message: 'Thời gian thi không hợp lệ' }),
});
export type TExamSessionInput = z.infer<typeof ZExamSessionInput>;
export const ZContestSessionParams = z.object({ id: z.uuid(), sessionId: z.uuid() });

export const ZAssignRequest = z.object({
  candidateIds: z.array(z.uuid()).min(1, 'Chọn ít nhất một thí sinh').max(5000),
  /** null removes the candidates from their session. */
  sessionId: z.uuid().nullable(),
});
export const ZCountResult = z.object({ count: z.number().int() });

// ——— candidates

export const ZUnitLevelOfCandidate = z.enum(UNIT_LEVELS);

export const ZCandidate = z.object({
  id: z.uuid(),
  contestId: z.uuid(),
  sessionId: z.uuid().nullable(),
  sessionName: z.string().nullable(),
  number: z.string(),
  fullName: z.string(),
  birthDate: ZIsoDate.nullable(),
  position: z.string().nullable(),
  unitId: z.uuid().nullable(),
  unitName: z.string(),
  level: ZUnitLevelOfCandidate,
  /** Time accommodation in minutes. */
  extraMinutes: z.number().int(),
  /** A password was issued (the password itself is never shown again). */
  hasPassword: z.boolean(),
});
export type TCandidate = z.infer<typeof ZCandidate>;

export const ZCandidateListQuery = ZPageQuery.extend({
  q: z.string().trim().max(100).optional(),
  /** A session id, or `none` for candidates without a session. */
  sessionId: z.union([z.uuid(), z.literal('none')]).optional(),
  level: ZUnitLevelOfCandidate.optional(),
  unitId: z.uuid().optional(),
});
export type TCandidateListQuery = z.infer<typeof ZCandidateListQuery>;
export const ZCandidatePage = ZPage(ZCandidate);
export type TCandidatePage = z.infer<typeof ZCandidatePage>;
export const ZContestCandidateParams = z.object({ id: z.uuid(), candidateId: z.uuid() });

export const ZCandidatePatch = z.object({
  number: z
    .string()
    .trim()
    .min(1, 'Nhập số báo danh')
    .max(20)
    .regex(/^[\p{L}\p{N}._-]+$/u, 'Số báo danh chỉ gồm chữ, số, dấu chấm, gạch nối')
    .optional(),
  fullName: z.string().trim().min(2, 'Họ tên quá ngắn').max(120).optional(),
  birthDate: ZIsoDate.nullable().optional(),
  position: z.string().trim().max(200).nullable().optional(),
  unitId: z.uuid().optional(),
  sessionId: z.uuid().nullable().optional(),
});
export type TCandidatePatch = z.infer<typeof ZCandidatePatch>;

export const MAX_EXTRA_MINUTES = 120;
export const ZAccommodationRequest = z.object({
  extraMinutes: z.number().int().min(0).max(MAX_EXTRA_MINUTES, `Tối đa ${MAX_EXTRA_MINUTES} phút`),
  reason: z.string().trim().max(500).optional(),
});

export const ZDeleteCandidatesRequest = z.object({ candidateIds: z.array(z.uuid()).min(1).max(5000) });

export const ZCandidateImportError = z.object({
  rowNumber: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type TCandidateImportError = z.infer<typeof ZCandidateImportError>;

export const ZCandidateImportResult = z.object({
  dryRun: z.boolean(),
  total: z.number().int(),
  imported: z.number().int(),
  preview: z.array(
    z.object({
      rowNumber: z.number().int(),
      number: z.string(),
      fullName: z.string(),
      birthDate: ZIsoDate.nullable(),
      position: z.string().nullable(),
      unitName: z.string(),
      level: ZUnitLevelOfCandidate,
      sessionName: z.string().nullable(),
      extraMinutes: z.number().int(),
    }),
  ),
});
export type TCandidateImportResult = z.infer<typeof ZCandidateImportResult>;

/** Either a whole session or a selection of candidates. */
export const ZIssuePasswordsRequest = z
  .object({ sessionId: z.uuid().optional(), candidateIds: z.array(z.uuid()).min(1).max(5000).optional() })
  .refine((b) => Boolean(b.sessionId) !== Boolean(b.candidateIds), {
    message: 'Chọn một ca thi hoặc một danh sách thí sinh',
  });
export type TIssuePasswordsRequest = z.infer<typeof ZIssuePasswordsRequest>;
