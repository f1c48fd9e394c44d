import { z } from 'zod';
import { DIFFICULTIES, QUESTION_STATUSES, QUESTION_TYPES } from '../core/exam/question';
import { ZPage, ZPageQuery } from './common';
import { ZVersionStatsBrief } from './contest-results-items';

export const ZQuestionType = z.enum(QUESTION_TYPES);
export const ZDifficulty = z.enum(DIFFICULTIES);
export const ZQuestionStatus = z.enum(QUESTION_STATUSES);

export const ZQuestionOption = z.object({
  key: z.string().max(16),
  text: z.string().max(1000),
  correct: z.boolean(),
});

const ZContentFields = z.object({
  type: ZQuestionType,
  stem: z.string().max(5000),
  options: z.array(ZQuestionOption).max(20),
  explanation: z.string().max(5000).nullable(),
});

const ZMetaFields = z.object({
  code: z.string().trim().max(40).nullable(),
  categoryId: z.uuid().nullable(),
  tags: z.array(z.string().max(100)).max(50),
  difficulty: ZDifficulty,
  sourceDocument: z.string().max(500).nullable(),
  sourceArticle: z.string().max(500).nullable(),
});

export const ZQuestionInput = ZContentFields.extend(ZMetaFields.shape).extend({
  explanation: ZContentFields.shape.explanation.default(null),
  code: ZMetaFields.shape.code.default(null),
  categoryId: ZMetaFields.shape.categoryId.default(null),
  tags: ZMetaFields.shape.tags.default([]),
  difficulty: ZDifficulty.default('medium'),
  sourceDocument: ZMetaFields.shape.sourceDocument.default(null),
  sourceArticle: ZMetaFields.shape.sourceArticle.default(null),
});
export type TQuestionInput = z.infer<typeof ZQuestionInput>;

/** A partial edit: content fields may make a new version (if the current one was used), metadata never does. */
export const ZQuestionPatch = ZContentFields.extend(ZMetaFields.shape).partial();
export type TQuestionPatch = z.infer<typeof ZQuestionPatch>;

export const ZQuestion = z.object({
  id: z.uuid(),
  code: z.string().nullable(),
  categoryId: z.uuid().nullable(),
  /** Names from the root category down. */
  categoryPath: z.array(z.string()),
  tags: z.array(z.string()),
  difficulty: ZDifficulty,
  sourceDocument: z.string().nullable(),
  sourceArticle: z.string().nullable(),
  status: ZQuestionStatus,
  isDemo: z.boolean(),
  versionId: z.uuid(),
  versionNo: z.number().int(),
  /** The current version was drawn into a paper: editing its content makes a new version. */
  used: z.boolean(),
  type: ZQuestionType,
  stem: z.string(),
  options: z.array(ZQuestionOption),
  explanation: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Item statistics of the current version in its latest contest (absent or null: never analysed). */
  lastStats: ZVersionStatsBrief.nullable().optional(),
});
export type TQuestion = z.infer<typeof ZQuestion>;

export const ZQuestionVersion = z.object({
  id: z.uuid(),
  versionNo: z.number().int(),
  type: ZQuestionType,
  stem: z.string(),
  options: z.array(ZQuestionOption),
  explanation: z.string().nullable(),
  usedAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  lastStats: ZVersionStatsBrief.nullable().optional(),
});
export type TQuestionVersion = z.infer<typeof ZQuestionVersion>;

export const ZQuestionDetail = ZQuestion.extend({ versions: z.array(ZQuestionVersion) });
export type TQuestionDetail = z.infer<typeof ZQuestionDetail>;

export const ZQuestionFilters = z.object({
  q: z.string().trim().max(200).optional(),
  /** Includes the questions of every subcategory; "none" = questions without a category. */
  categoryId: z.union([z.uuid(), z.literal('none')]).optional(),
  type: ZQuestionType.optional(),
  difficulty: ZDifficulty.optional(),
  status: ZQuestionStatus.optional(),
  tag: z.string().trim().max(100).optional(),
});
export type TQuestionFilters = z.infer<typeof ZQuestionFilters>;

export const ZQuestionListQuery = ZPageQuery.extend(ZQuestionFilters.shape);
export type TQuestionListQuery = z.infer<typeof ZQuestionListQuery>;

export const ZQuestionPage = ZPage(ZQuestion);
export type TQuestionPage = z.infer<typeof ZQuestionPage>;

export const ZQuestionTags = z.object({
  items: z.array(z.object({ tag: z.string(), count: z.number().int() })),
});
export type TQuestionTags = z.infer<typeof ZQuestionTags>;

export const ZCategory = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  sortOrder: z.number().int(),
  /** Live questions directly in this category (not in subcategories). */
  questionCount: z.number().int(),
});
export type TCategory = z.infer<typeof ZCategory>;

export const ZCategoryList = z.object({
  items: z.array(ZCategory),
  /** Live questions without a category. */
  uncategorised: z.number().int(),
});
export type TCategoryList = z.infer<typeof ZCategoryList>;

export const ZCategoryInput = z.object({
  name: z.string().trim().min(1, 'Nhập tên danh mục').max(120, 'Tên danh mục dài quá 120 ký tự'),
  parentId: z.uuid().nullable().default(null),
  sortOrder: z.number().int().min(0).max(100000).default(0),
});
export type TCategoryInput = z.infer<typeof ZCategoryInput>;
export const ZCategoryPatch = ZCategoryInput.partial();
export type TCategoryPatch = z.infer<typeof ZCategoryPatch>;

export const IMPORT_FORMATS = ['xlsx', 'aiken', 'gift', 'moodle_xml'] as const;
export const ZImportFormat = z.enum(IMPORT_FORMATS);
export type TImportFormat = z.infer<typeof ZImportFormat>;

export const ZQuestionImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('true'),
  /** Checked against the content; absent = decided from the content. */
  format: ZImportFormat.optional(),
  /** Questions already in the bank (same stem in the same category, or same code): skip or import anyway. */
  duplicates: z.enum(['skip', 'import']).default('skip'),
});

export const ZSourceRef = z.object({
  kind: z.enum(['row', 'line', 'question']),
  number: z.number().int(),
  label: z.string(),
});

export const ZImportProblem = z.object({ ref: ZSourceRef, messages: z.array(z.string()) });
export type TImportProblem = z.infer<typeof ZImportProblem>;

export const ZImportedQuestion = z.object({
  ref: ZSourceRef,
  code: z.string().nullable(),
  categoryPath: z.array(z.string()),
  type: ZQuestionType.nullable(),
  stem: z.string(),
  options: z.array(ZQuestionOption),
  explanation: z.string().nullable(),
  difficulty: ZDifficulty,
  tags: z.array(z.string()),
  sourceDocument: z.string().nullable(),
  sourceArticle: z.string().nullable(),
  errors: z.array(z.string()),
  /** Same stem in the same category (or same code) as a bank question or an earlier one in the file. */
  duplicateOf: z.enum(['bank', 'file']).nullable(),
});
export type TImportedQuestion = z.infer<typeof ZImportedQuestion>;

export const ZQuestionImportResult = z.object({
  dryRun: z.boolean(),
  format: ZImportFormat,
  total: z.number().int(),
  /** Nothing is imported while this is not empty. */
  errors: z.array(ZImportProblem),
  duplicates: z.number().int(),
  imported: z.number().int(),
  skipped: z.number().int(),
  newCategories: z.array(z.string()),
  preview: z.array(ZImportedQuestion),
});
export type TQuestionImportResult = z.infer<typeof ZQuestionImportResult>;

export const EXPORT_FORMATS = ['xlsx', 'moodle_xml'] as const;
export const ZQuestionExportQuery = ZQuestionFilters.extend({
  format: z.enum(EXPORT_FORMATS).default('xlsx'),
});
