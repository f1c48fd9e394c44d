import { z } from 'zod';
import { LINK_KINDS, UNIT_LEVELS } from '../core/units/unit';
import { ZIsoDate, ZPage, ZPageQuery } from './common';

export const ZUnitLevel = z.enum(UNIT_LEVELS);

const ZUnitFields = z.object({
  code: z.string().trim().min(1, 'Nhập mã đơn vị').max(32),
  name: z.string().trim().min(2, 'Tên đơn vị quá ngắn').max(200),
  level: ZUnitLevel,
  kind: z.string().trim().min(1, 'Chọn loại đơn vị').max(20),
  groupNo: z.number().int().min(1).max(3).nullable(),
  parentId: z.uuid().nullable(),
  validFrom: ZIsoDate,
  validTo: ZIsoDate.nullable(),
  note: z.string().max(1000).nullable(),
});

export const ZUnitInput = ZUnitFields.extend({
  groupNo: ZUnitFields.shape.groupNo.default(null),
  parentId: ZUnitFields.shape.parentId.default(null),
  validTo: ZUnitFields.shape.validTo.default(null),
  note: ZUnitFields.shape.note.default(null),
});
/** A partial update: absent fields are left as they are. */
export const ZUnitPatch = ZUnitFields.partial();
export type TUnitPatch = z.infer<typeof ZUnitPatch>;
export type TUnitInput = z.infer<typeof ZUnitInput>;

export const ZUnitLinkRef = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(LINK_KINDS),
  effectiveDate: ZIsoDate,
});

export const ZUnit = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  level: ZUnitLevel,
  kind: z.string(),
  groupNo: z.number().int().nullable(),
  parentId: z.uuid().nullable(),
  parentName: z.string().nullable(),
  validFrom: ZIsoDate,
  validTo: ZIsoDate.nullable(),
  note: z.string().nullable(),
  isDemo: z.boolean(),
  updatedAt: z.string(),
});
export type TUnit = z.infer<typeof ZUnit>;

export const ZUnitDetail = ZUnit.extend({
  predecessors: z.array(ZUnitLinkRef),
  successors: z.array(ZUnitLinkRef),
  children: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
});
export type TUnitDetail = z.infer<typeof ZUnitDetail>;

export const ZUnitListQuery = ZPageQuery.extend({
  q: z.string().trim().max(100).optional(),
  level: ZUnitLevel.optional(),
  groupNo: z.coerce.number().int().min(1).max(3).optional(),
  parentId: z.uuid().optional(),
  /** The day `status` is judged on (YYYY-MM-DD, default today): active = in force that day, retired = ended before it; `all` ignores validity. */
  validOn: ZIsoDate.optional(),
  status: z.enum(['active', 'retired', 'all']).default('active'),
});
export type TUnitListQuery = z.infer<typeof ZUnitListQuery>;

export const ZUnitPage = ZPage(ZUnit);
export type TUnitPage = z.infer<typeof ZUnitPage>;

export const ZRetireUnitRequest = z.object({ validTo: ZIsoDate, note: z.string().max(1000).optional() });

const ZNewUnit = ZUnitInput.omit({ validFrom: true, validTo: true });

export const ZMergeRequest = z.object({
  predecessorIds: z.array(z.uuid()).min(2, 'Chọn ít nhất hai đơn vị'),
  effectiveDate: ZIsoDate,
  successor: ZNewUnit,
});
export type TMergeRequest = z.infer<typeof ZMergeRequest>;

export const ZSplitRequest = z.object({
  effectiveDate: ZIsoDate,
  successors: z.array(ZNewUnit).min(2, 'Chia tách cần ít nhất hai đơn vị mới'),
});
export type TSplitRequest = z.infer<typeof ZSplitRequest>;

export const ZImportRowError = z.object({
  rowNumber: z.number().int(),
  code: z.string(),
  messages: z.array(z.string()),
});
export type TImportRowError = z.infer<typeof ZImportRowError>;

export const ZImportResult = z.object({
  dryRun: z.boolean(),
  total: z.number().int(),
  imported: z.number().int(),
  preview: z.array(
    ZUnitInput.pick({
      code: true,
      name: true,
      level: true,
      kind: true,
      groupNo: true,
      validFrom: true,
      validTo: true,
    }).extend({ parentCode: z.string().nullable() }),
  ),
});
export type TImportResult = z.infer<typeof ZImportResult>;
