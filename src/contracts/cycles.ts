import { z } from 'zod';
import { ENTRY_STATUSES, REVIEW_STATES, UNIT_STATES } from '../core/cycle/states';
import { CYCLE_WINDOWS } from '../core/cycle/windows';
import { ZIsoDate, ZPage, ZPageQuery } from './common';

const ZInstant = z.iso.datetime({ offset: true, message: 'Thời điểm không hợp lệ' });
const ZReason = z.string().trim().min(3, 'Nhập lý do (ít nhất 3 ký tự)').max(2000);
const ZLevel = z.enum(['so', 'huyen', 'xa']);
export const ZCycleWindow = z.enum(CYCLE_WINDOWS);
export const ZUnitState = z.enum(UNIT_STATES);
export const ZEntryStatus = z.enum(ENTRY_STATUSES);
export const ZReviewState = z.enum(REVIEW_STATES);

export const ZWindowSpan = z.object({ opensAt: ZInstant, closesAt: ZInstant });
export const ZWindows = z.object({
  self_assessment: ZWindowSpan,
  review: ZWindowSpan,
  explanation: ZWindowSpan,
  council: ZWindowSpan,
  publication: ZWindowSpan,
});
export type TWindows = z.infer<typeof ZWindows>;

/** The index-set version per unit level; at least one level. */
export const ZCycleFrameworks = z
  .object({ so: z.uuid().optional(), huyen: z.uuid().optional(), xa: z.uuid().optional() })
  .refine((f) => f.so || f.huyen || f.xa, 'Chọn bộ chỉ số cho ít nhất một cấp');

export const ZCreateCycle = z.object({
  year: z.number().int().min(2015).max(2100),
  name: z.string().trim().min(3, 'Tên kỳ đánh giá quá ngắn').max(200),
  windows: ZWindows,
  frameworks: ZCycleFrameworks,
  /** Participating units; absent: every unit of those levels valid in the year. */
  unitIds: z.array(z.uuid()).max(20_000).optional(),
});
export type TCreateCycle = z.infer<typeof ZCreateCycle>;

export const ZCyclePatch = z.object({
  name: ZCreateCycle.shape.name.optional(),
  windows: ZWindows.optional(),
});
export type TCyclePatch = z.infer<typeof ZCyclePatch>;

export const ZWindowStatus = z.object({
  window: ZCycleWindow,
  state: z.enum(['not_open', 'open', 'closed']),
  opensAt: z.string(),
  closesAt: z.string(),
  extended: z.boolean(),
});

export const ZCycleSummary = z.object({
  id: z.uuid(),
  year: z.number().int(),
  name: z.string(),
  unitCount: z.number().int(),
  submittedCount: z.number().int(),
  approvedCount: z.number().int(),
  publishedVersion: z.number().int().nullable(),
  /** The window open now (the first one, when several overlap), or null. */
  currentWindow: ZCycleWindow.nullable(),
});
export type TCycleSummary = z.infer<typeof ZCycleSummary>;
export const ZCyclePage = ZPage(ZCycleSummary);
export const ZCycleListQuery = ZPageQuery.extend({ year: z.coerce.number().int().optional() });

export const ZCycleDetail = ZCycleSummary.extend({
  windows: ZWindows,
  windowStatus: z.array(ZWindowStatus),
  frameworks: z.array(
    z.object({
      level: ZLevel,
      id: z.uuid(),
      name: z.string(),
      versionNo: z.number().int(),
      nominalMax: z.number(),
    }),
  ),
  extensions: z.array(
    z.object({
      unitId: z.uuid(),
      unitName: z.string(),
      window: ZCycleWindow,
      until: z.string(),
      reason: z.string(),
    }),
  ),
  /** For a reporter: the own unit of the caller, when it takes part. */
  myUnitId: z.uuid().nullable(),
});
export type TCycleDetail = z.infer<typeof ZCycleDetail>;

export const ZCycleUnitsUpdate = z.object({
  unitIds: z.array(z.uuid()).min(1, 'Chọn ít nhất một đơn vị').max(20_000),
});

export const ZExtensionInput = z.object({
  unitId: z.uuid(),
  window: ZCycleWindow,
  until: ZInstant,
  reason: ZReason,
});

export const ZReviewerAssignment = z.object({
  userId: z.uuid(),
  unitId: z.uuid().nullable().default(null),
  pillarCode: z.string().trim().min(1).max(40).nullable().default(null),
});
export const ZReviewerAssignments = z.object({ assignments: z.array(ZReviewerAssignment).max(5000) });
export const ZReviewerRow = z.object({
  userId: z.uuid(),
  fullName: z.string(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  pillarCode: z.string().nullable(),
});
export type TReviewerRow = z.infer<typeof ZReviewerRow>;
/** An account that may be assigned to review (role reviewer, enabled). */
export const ZReviewerAccount = z.object({ id: z.uuid(), fullName: z.string(), username: z.string() });
export type TReviewerAccount = z.infer<typeof ZReviewerAccount>;

// ---- the unit's form ----

const ZInputValue = z.union([
  z.number(),
  z.boolean(),
  z.string().max(200),
  z.array(z.string().max(200)).max(100),
  z.null(),
]);
export const ZRuleInputs = z.record(z.string().max(40), ZInputValue);

export const ZEvidence = z.object({
  id: z.uuid(),
  docNumber: z.string(),
  docDate: ZIsoDate,
  summary: z.string(),
  url: z.string().nullable(),
  file: z.object({ id: z.uuid(), filename: z.string(), mime: z.string(), size: z.number().int() }).nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type TEvidence = z.infer<typeof ZEvidence>;

export const ZEvidenceInput = z.object({
  docNumber: z.string().trim().min(1, 'Nhập số hiệu văn bản').max(100),
  docDate: ZIsoDate,
  summary: z.string().trim().min(3, 'Nhập trích yếu').max(1000),
  url: z
    .url({ protocol: /^https?$/, message: 'Đường dẫn phải bắt đầu bằng http:// hoặc https://' })
    .max(2000)
    .nullable()
    .default(null),
});
export type TEvidenceInput = z.infer<typeof ZEvidenceInput>;

export const ZEntryView = z.object({
  code: z.string(),
  name: z.string(),
  pillar: z.string(),
  /** Codes and names from the pillar down to the leaf's parent, for headings. */
  path: z.array(z.object({ code: z.string(), name: z.string() })),
  maxPoints: z.number(),
  method: z.string().nullable(),
  evidenceRequirement: z.string().nullable(),
  dataSource: z.string().nullable(),
  mayBeNotApplicable: z.boolean(),
  /** The rule, for the live score in the browser. */
  rule: z.unknown(),
  inputs: ZRuleInputs.nullable(),
  notApplicable: z.string().nullable(),
  central: z.object({ inputs: ZRuleInputs, source: z.string(), importedAt: z.string() }).nullable(),
  selfPoints: z.number().nullable(),
  status: ZEntryStatus,
  problems: z.array(z.string()),
  review: ZReviewState.nullable(),
  appraisedPoints: z.number().nullable(),
  reviewReason: z.string().nullable(),
  requestComment: z.string().nullable(),
  requestDeadline: z.string().nullable(),
  explanation: z.string().nullable(),
  finalPoints: z.number().nullable(),
  finalReason: z.string().nullable(),
  assigneeId: z.uuid().nullable(),
  evidence: z.array(ZEvidence),
  updatedAt: z.string().nullable(),
});
export type TEntryView = z.infer<typeof ZEntryView>;

export const ZUnitForm = z.object({
  cycleId: z.uuid(),
  cycleName: z.string(),
  unit: z.object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    level: ZLevel,
    groupNo: z.number().int().nullable(),
  }),
  framework: z.object({ id: z.uuid(), name: z.string(), nominalMax: z.number(), rounding: z.unknown() }),
  state: ZUnitState,
  submittedAt: z.string().nullable(),
  windowStatus: z.array(ZWindowStatus),
  progress: z.number(),
  pillars: z.array(
    z.object({ code: z.string(), name: z.string(), done: z.number().int(), total: z.number().int() }),
  ),
  totals: z.object({
    self: z.number(),
    appraised: z.number().nullable(),
    final: z.number().nullable(),
    max: z.number(),
  }),
  entries: z.array(ZEntryView),
  /** Staff of the unit an indicator may be assigned to. */
  staff: z.array(z.object({ id: z.uuid(), fullName: z.string() })),
});
export type TUnitForm = z.infer<typeof ZUnitForm>;

export const ZEntryParams = z.object({ id: z.uuid(), unitId: z.uuid(), code: z.string().min(1).max(40) });
export const ZUnitParams = z.object({ id: z.uuid(), unitId: z.uuid() });

/** A draft save: inputs, or a "not applicable" reason (null clears it). */
export const ZEntrySave = z.object({
  inputs: ZRuleInputs.nullable().optional(),
  notApplicable: z.string().trim().max(2000).nullable().optional(),
});
export type TEntrySave = z.infer<typeof ZEntrySave>;

export const ZAssigneeInput = z.object({ userId: z.uuid().nullable() });
export const ZExplanationInput = z.object({
  explanation: z.string().trim().min(3, 'Nhập nội dung giải trình').max(5000),
});
export const ZResubmitInput = z.object({
  codes: z.array(z.string().min(1).max(40)).min(1, 'Chọn chỉ số cần nộp lại').max(1000),
});

/** Refusal details of a submission: every indicator still incomplete. */
export const ZMissingItem = z.object({ code: z.string(), message: z.string() });

// ---- review ----

export const ZReviewQueueQuery = ZPageQuery.extend({
  unitId: z.uuid().optional(),
  pillar: z.string().max(40).optional(),
  review: ZReviewState.optional(),
  q: z.string().trim().max(100).optional(),
});
export type TReviewQueueQuery = z.infer<typeof ZReviewQueueQuery>;

export const ZReviewQueueItem = z.object({
  unitId: z.uuid(),
  unitCode: z.string(),
  unitName: z.string(),
  code: z.string(),
  name: z.string(),
  pillar: z.string(),
  maxPoints: z.number(),
  selfPoints: z.number().nullable(),
  notApplicable: z.string().nullable(),
  appraisedPoints: z.number().nullable(),
  review: ZReviewState,
  explanation: z.string().nullable(),
  requestComment: z.string().nullable(),
  requestDeadline: z.string().nullable(),
  evidenceCount: z.number().int(),
});
export type TReviewQueueItem = z.infer<typeof ZReviewQueueItem>;
export const ZReviewQueuePage = ZPage(ZReviewQueueItem);

export const ZReviewAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('agree') }),
  z.object({ action: z.literal('adjust'), points: z.number().min(0, 'Điểm không được âm'), reason: ZReason }),
  z.object({
    action: z.literal('request'),
    comment: z.string().trim().min(3, 'Nhập nội dung yêu cầu bổ sung').max(2000),
    deadline: ZInstant,
  }),
]);
export type TReviewAction = z.infer<typeof ZReviewAction>;

export const ZBulkAgree = z.object({
  items: z
    .array(z.object({ unitId: z.uuid(), code: z.string().min(1).max(40) }))
    .min(1)
    .max(5000),
});

// ---- council and publication ----

export const ZCouncilRow = z.object({
  unitId: z.uuid(),
  code: z.string(),
  name: z.string(),
  level: ZLevel,
  groupNo: z.number().int().nullable(),
  state: ZUnitState,
  max: z.number(),
  self: z.number(),
  appraised: z.number().nullable(),
  final: z.number().nullable(),
  /** Appraised − self (negative when the reviewers lowered the score). */
  gap: z.number().nullable(),
});
export type TCouncilRow = z.infer<typeof ZCouncilRow>;

export const ZCouncilConfirm = z.object({ unitIds: z.array(z.uuid()).min(1, 'Chọn đơn vị').max(20_000) });
export const ZFinalInput = z.object({ points: z.number().min(0, 'Điểm không được âm'), reason: ZReason });

export const ZPublishInput = z.object({ reason: z.string().trim().max(2000).default('') });

export const ZScoreTriple = z.object({
  points: z.number(),
  max: z.number(),
  value: z.number().nullable(),
});

export const ZSnapshotUnit = z.object({
  unitId: z.uuid(),
  code: z.string(),
  name: z.string(),
  level: ZLevel,
  groupNo: z.number().int().nullable(),
  self: ZScoreTriple,
  appraised: ZScoreTriple,
  final: ZScoreTriple.extend({ scaled: z.number().nullable() }),
  rank: z.number().int().nullable(),
  rankOf: z.number().int(),
  band: z.string().nullable(),
  pillars: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      points: z.number(),
      max: z.number(),
      rank: z.number().int().nullable(),
    }),
  ),
});
export type TSnapshotUnit = z.infer<typeof ZSnapshotUnit>;

export const ZSnapshotData = z.object({ units: z.array(ZSnapshotUnit) });
export type TSnapshotData = z.infer<typeof ZSnapshotData>;

export const ZSnapshotInfo = z.object({
  version: z.number().int(),
  reason: z.string(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
});
export const ZSnapshot = ZSnapshotInfo.extend({
  cycleId: z.uuid(),
  cycleName: z.string(),
  year: z.number().int(),
  data: ZSnapshotData,
});
export type TSnapshot = z.infer<typeof ZSnapshot>;

// ---- progress board ----

export const ZBoardRow = z.object({
  unitId: z.uuid(),
  code: z.string(),
  name: z.string(),
  level: ZLevel,
  state: ZUnitState,
  progress: z.number(),
  leaves: z.number().int(),
  done: z.number().int(),
  openRequests: z.number().int(),
  overdue: z.boolean(),
  reviewers: z.array(z.string()),
});
export type TBoardRow = z.infer<typeof ZBoardRow>;
export const ZBoard = z.object({
  units: z.array(ZBoardRow),
  reviewers: z.array(
    z.object({ userId: z.uuid(), fullName: z.string(), pending: z.number().int(), done: z.number().int() }),
  ),
});
export type TBoard = z.infer<typeof ZBoard>;

// ---- history and notifications ----

export const ZHistoryEntry = z.object({
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  field: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  reason: z.string().nullable(),
});
export type THistoryEntry = z.infer<typeof ZHistoryEntry>;

export const ZNotification = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TNotification = z.infer<typeof ZNotification>;
export const ZNotificationList = z.object({ items: z.array(ZNotification), unread: z.number().int() });

export const ZCentralImportResult = z.object({
  rows: z.number().int(),
  units: z.number().int(),
  indicators: z.array(z.string()),
  written: z.boolean(),
});
