import { z } from 'zod';
import type { Framework, FrameworkNode, Rule } from '../core/framework/model';
import { FRAMEWORK_LEVELS, NODE_KINDS } from '../core/framework/model';
import { ZPage, ZPageQuery } from './common';

/** The level a set is written for: tinh (province), so, huyen, xa. */
const ZLevel = z.enum(FRAMEWORK_LEVELS, 'Cấp của bộ chỉ số phải là tinh, so, huyen hoặc xa');
const ZPoints = z.number().min(0, 'Điểm không được âm').max(100_000);
const ZCode = z
  .string()
  .trim()
  .min(1, 'Nhập mã chỉ số')
  .max(40)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'Mã chỉ số chỉ gồm chữ, số, dấu chấm, gạch ngang');

export const ZRule: z.ZodType<Rule> = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('ratio'),
    target: z.number().positive().optional(),
    cap: z.number().positive().optional(),
    whenDenominatorZero: z.enum(['zero', 'full', 'not_applicable']),
  }),
  z.object({
    type: z.literal('steps'),
    steps: z.array(z.object({ min: z.number(), points: ZPoints })).min(1, 'Cần ít nhất một mức'),
  }),
  z.object({
    type: z.literal('option'),
    multiple: z.boolean().optional(),
    options: z
      .array(
        z.object({
          code: z.string().trim().min(1, 'Nhập mã lựa chọn').max(40),
          label: z.string().trim().min(1, 'Nhập nội dung lựa chọn').max(500),
          points: ZPoints.optional(),
          fraction: z.number().min(0).max(1).optional(),
        }),
      )
      .min(1, 'Cần ít nhất một lựa chọn'),
  }),
  z.object({ type: z.literal('yes_no') }),
  z.object({ type: z.literal('count'), cap: z.number().positive(), pointsEach: ZPoints.optional() }),
  z.object({ type: z.literal('linear'), worst: z.number(), best: z.number() }),
  z.object({ type: z.literal('manual') }),
  z.object({
    type: z.literal('expression'),
    inputs: z.array(
      z.object({ code: z.string().trim().min(1).max(40), label: z.string().trim().min(1).max(500) }),
    ),
    formula: z.string().trim().min(1, 'Nhập công thức').max(2000),
  }),
]);

const ZApplicability = z.object({
  levels: z.array(ZLevel).optional(),
  groups: z.array(z.number().int().min(1).max(9)).optional(),
});

/** The editable fields of one node (children are edited through their own operations). */
export const ZNodeFields = z.object({
  code: ZCode,
  kind: z.enum(NODE_KINDS),
  name: z.string().trim().min(1, 'Nhập tên chỉ số').max(1000),
  maxPoints: ZPoints,
  method: z.string().max(5000).optional(),
  evidence: z.string().max(5000).optional(),
  dataSource: z.string().max(1000).optional(),
  verifier: z.string().max(1000).optional(),
  applicability: ZApplicability.optional(),
  mayBeNotApplicable: z.boolean().optional(),
  rule: ZRule.optional(),
});
export type TNodeFields = z.infer<typeof ZNodeFields>;

export const ZFrameworkNode: z.ZodType<FrameworkNode> = ZNodeFields.extend({
  get children() {
    return z.array(ZFrameworkNode).optional();
  },
});

const ZPolicy = z.object({
  notApplicable: z.enum(['rescale', 'rank_separately']),
  missing: z.enum(['zero', 'not_applicable']),
  rounding: z.object({
    decimals: z.number().int().min(0).max(6),
    mode: z.enum(['half_up', 'half_even', 'none']),
  }),
  bands: z.array(
    z.object({
      code: z.string().trim().min(1).max(40),
      label: z.string().trim().min(1).max(200),
      minValue: z.number().min(0).max(1),
    }),
  ),
});

/** The metadata of a set (everything but the tree). */
export const ZFrameworkMeta = z.object({
  code: z
    .string()
    .trim()
    .min(2, 'Mã bộ chỉ số quá ngắn')
    .max(40, 'Mã bộ chỉ số tối đa 40 ký tự')
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Mã bộ chỉ số chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang'),
  name: z.string().trim().min(2, 'Tên bộ chỉ số quá ngắn').max(300),
  year: z.number().int().min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ'),
  level: ZLevel,
  nominalMax: z.number().positive('Điểm tối đa phải lớn hơn 0').max(100_000),
  illustrative: z.boolean(),
  source: z.string().max(500).optional(),
  groups: z
    .array(z.object({ no: z.number().int().min(1).max(9), name: z.string().trim().min(1) }))
    .optional(),
  policy: ZPolicy,
});

export const ZFramework: z.ZodType<Framework> = ZFrameworkMeta.extend({
  formatVersion: z.literal(1),
  renamedFrom: z.record(z.string(), z.string()).optional(),
  nodes: z.array(ZFrameworkNode),
});

export const ZIssue = z.object({ path: z.string(), message: z.string() });
export type TIssue = z.infer<typeof ZIssue>;

export const ZFrameworkVersion = z.object({
  id: z.uuid(),
  code: z.string(),
  year: z.number().int(),
  level: ZLevel,
  versionNo: z.number().int(),
  name: z.string(),
  illustrative: z.boolean(),
  nominalMax: z.number(),
  /** Σ maxima of the top-level nodes. */
  totalMax: z.number(),
  nodeCount: z.number().int(),
  basedOnId: z.uuid().nullable(),
  lockedAt: z.string().nullable(),
  lockedReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TFrameworkVersion = z.infer<typeof ZFrameworkVersion>;

export const ZFrameworkDetail = ZFrameworkVersion.extend({
  document: ZFramework,
  validation: z.object({ errors: z.array(ZIssue), warnings: z.array(ZIssue) }),
  basedOn: z.object({ id: z.uuid(), name: z.string(), year: z.number(), versionNo: z.number() }).nullable(),
});
export type TFrameworkDetail = z.infer<typeof ZFrameworkDetail>;

export const ZFrameworkListQuery = ZPageQuery.extend({
  q: z.string().trim().max(100).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  level: ZLevel.optional(),
});
export type TFrameworkListQuery = z.infer<typeof ZFrameworkListQuery>;

export const ZFrameworkPage = ZPage(ZFrameworkVersion);
export type TFrameworkPage = z.infer<typeof ZFrameworkPage>;

/** A new version: a whole document (uploaded JSON), or only the metadata for an empty set. */
export const ZCreateFramework = z.union(
  [z.object({ document: ZFramework }), z.object({ meta: ZFrameworkMeta })],
  {
    // Name the problems of the form that was sent (document or metadata) rather than "invalid input".
    error: (iss) => {
      if (iss.code !== 'invalid_union') return undefined;
      const input = iss.input;
      const branch = input && typeof input === 'object' && 'meta' in input && !('document' in input) ? 1 : 0;
      const messages = (iss.errors[branch] ?? []).map((e) =>
        e.path.length > 0 ? `${e.path.join('.')}: ${e.message}` : e.message,
      );
      return messages.length > 0 ? messages.join('; ') : undefined;
    },
  },
);
export type TCreateFramework = z.infer<typeof ZCreateFramework>;

export const ZFrameworkMetaPatch = ZFrameworkMeta.omit({ code: true, year: true, level: true }).partial();
export type TFrameworkMetaPatch = z.infer<typeof ZFrameworkMetaPatch>;

export const ZNodeParam = z.object({ id: z.uuid(), code: z.string().min(1).max(40) });

/** New fields of a node; a changed code is checked for clashes. */
export const ZNodePatch = ZNodeFields.extend({ rule: ZRule.nullable().optional() });
export type TNodePatch = z.infer<typeof ZNodePatch>;

export const ZAddNode = z.object({
  /** null: a top-level node. */
  parentCode: z.string().min(1).nullable(),
  /** Position among the siblings; absent = last. */
  index: z.number().int().min(0).optional(),
  node: ZNodeFields,
});
export type TAddNode = z.infer<typeof ZAddNode>;

export const ZMoveNode = z.object({
  parentCode: z.string().min(1).nullable(),
  index: z.number().int().min(0),
});
export type TMoveNode = z.infer<typeof ZMoveNode>;

export const ZCloneRequest = z.object({
  year: z.number().int().min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ'),
});

export const ZLockRequest = z.object({ reason: z.string().trim().min(3, 'Nhập lý do khóa').max(500) });

export const ZNodeChange = z.object({
  code: z.string(),
  /** For a rename: the code in the older version. */
  oldCode: z.string().optional(),
  name: z.string(),
  oldName: z.string().optional(),
  fields: z.array(z.string()),
});

export const ZFrameworkDiff = z.object({
  from: ZFrameworkVersion,
  to: ZFrameworkVersion,
  added: z.array(ZNodeChange),
  removed: z.array(ZNodeChange),
  renamed: z.array(ZNodeChange),
  changed: z.array(ZNodeChange),
  /** Set-level fields that differ (name, policy…). */
  setFields: z.array(z.string()),
});
export type TFrameworkDiff = z.infer<typeof ZFrameworkDiff>;
export type TNodeChange = z.infer<typeof ZNodeChange>;

export const ZFrameworkImportError = z.object({
  sheet: z.string(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});
export type TFrameworkImportError = z.infer<typeof ZFrameworkImportError>;

export const ZFrameworkImportResult = z.object({
  dryRun: z.boolean(),
  /** The version created (commit only). */
  id: z.uuid().nullable(),
  code: z.string(),
  name: z.string(),
  year: z.number().int(),
  level: ZLevel,
  versionNo: z.number().int(),
  nodeCount: z.number().int(),
  totalMax: z.number(),
  warnings: z.array(ZIssue),
});
export type TFrameworkImportResult = z.infer<typeof ZFrameworkImportResult>;

/** The document types, for the web (which imports contracts only). */
export type TFramework = Framework;
export type TFrameworkNode = FrameworkNode;
export type TRule = Rule;
