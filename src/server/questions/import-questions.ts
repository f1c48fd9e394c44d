import { randomUUID } from 'node:crypto';
import { eq, isNull } from 'drizzle-orm';
import type {
  TImportedQuestion,
  TImportFormat,
  TImportProblem,
  TQuestionImportResult,
} from '../../contracts/questions';
import type { QuestionContent } from '../../core/exam/question';
import { normaliseMeta, normaliseQuestion, validateQuestion } from '../../core/exam/validate-question';
import { AppError } from '../../core/shared/app-error';
import { foldVietnamese } from '../../core/shared/text';
import type { Actor } from '../audit';
import type { Db } from '../db/client';
import { auditLog, questionCategories, questions, questionVersions } from '../db/schema';
import { type CategoryTree, loadCategoryTree } from './categories-repo';
import { readQuestionFile } from './formats/detect-format';
import { joinCategoryPath, MAX_IMPORT_QUESTIONS, type ParsedQuestion } from './formats/parsed-question';
import { searchTextOf } from './questions-repo';
import { withUniqueGuard } from './unique-guard';

const CHUNK = 400;

const pathKey = (path: string[]) => path.map((p) => foldVietnamese(p)).join('\u0000');
const dupKey = (path: string[], stem: string) => `${pathKey(path)}\u0001${foldVietnamese(stem)}`;

/** The id of each existing category by its folded path. */
function categoryIndex(tree: CategoryTree): Map<string, string> {
  const index = new Map<string, string>();
  for (const id of tree.byId.keys()) index.set(pathKey(tree.pathOf(id)), id);
  return index;
}

function checkOne(p: ParsedQuestion): { item: TImportedQuestion; content: QuestionContent | null } {
  let content: QuestionContent | null = null;
  const errors = [...p.errors];
  const meta = normaliseMeta({
    categoryId: null,
    tags: p.tags,
    difficulty: p.difficulty ?? 'medium',
    sourceDocument: p.sourceDocument ?? undefined,
    sourceArticle: p.sourceArticle ?? undefined,
    status: 'draft',
  });
  if (p.type) {
    content = normaliseQuestion({
      type: p.type,
      stem: p.stem,
      options: p.options,
      ...(p.explanation ? { explanation: p.explanation } : {}),
    });
    // Parse errors come first; validation would repeat them in other words, so it only adds when clean.
    if (errors.length === 0)
      for (const problem of validateQuestion(content, meta)) errors.push(problem.message);
  }
  if (p.code && p.code.length > 40) errors.push('Mã câu hỏi dài quá 40 ký tự');
  if (p.categoryPath.some((n) => n.length > 120)) errors.push('Tên danh mục dài quá 120 ký tự');
  return {
    content,
    item: {
      ref: p.ref,
      code: p.code,
      categoryPath: p.categoryPath,
      type: content?.type ?? null,
      stem: content?.stem ?? p.stem,
      options: content?.options ?? p.options,
      explanation: content?.explanation ?? null,
      difficulty: meta.difficulty,
      tags: meta.tags,
      sourceDocument: meta.sourceDocument ?? null,
      sourceArticle: meta.sourceArticle ?? null,
      errors,
      duplicateOf: null,
    },
  };
}

/**
 * Imports a question file all-or-nothing. A dry run returns every question as read and every problem
 * with its row, line or question number; the commit refuses the whole file while any problem remains.
 * Categories are created from their paths; duplicates (same stem in the same category, or a code the
 * bank already has) are skipped unless the caller asks to import them anyway.
 */
export async function importQuestions(
  db: Db,
  actor: Actor,
  data: Buffer,
  opts: { dryRun: boolean; format?: TImportFormat; duplicates: 'skip' | 'import' },
): Promise<TQuestionImportResult> {
  const parsed = await readQuestionFile(data, opts.format);
  if (parsed.questions.length > MAX_IMPORT_QUESTIONS) {
    throw new AppError('import_invalid', `Tệp có quá ${MAX_IMPORT_QUESTIONS} câu hỏi; hãy chia nhỏ tệp`, []);
  }
  const tree = await loadCategoryTree(db);
  const categories = categoryIndex(tree);
  const bank = await db
    .select({ categoryId: questions.categoryId, code: questions.code, stem: questionVersions.stem })
    .from(questions)
    .innerJoin(questionVersions, eq(questionVersions.id, questions.currentVersionId))
    .where(isNull(questions.deletedAt));
  const bankKeys = new Set(bank.map((b) => dupKey(tree.pathOf(b.categoryId), b.stem)));
  const bankCodes = new Set(bank.map((b) => b.code).filter(Boolean));

  const checked = parsed.questions.map(checkOne);
  const seenKeys = new Map<string, string>();
  const seenCodes = new Map<string, string>();
  for (const { item } of checked) {
    if (item.code) {
      const first = seenCodes.get(item.code);
      if (first) item.errors.push(`Mã ${item.code} trùng với ${first}`);
      else seenCodes.set(item.code, item.ref.label);
    }
    if (!item.stem) continue;
    const key = dupKey(item.categoryPath, item.stem);
    if (bankKeys.has(key) || (item.code && bankCodes.has(item.code))) item.duplicateOf = 'bank';
    else if (seenKeys.has(key)) item.duplicateOf = 'file';
    else seenKeys.set(key, item.ref.label);
  }

  const errors: TImportProblem[] = [
    ...parsed.fileErrors,
    ...checked
      .filter((c) => c.item.errors.length > 0)
      .map((c) => ({ ref: c.item.ref, messages: c.item.errors })),
  ];
  if (parsed.questions.length === 0 && errors.length === 0) {
    errors.push({ ref: { kind: 'row', number: 0, label: 'Tệp' }, messages: ['Tệp không có câu hỏi nào'] });
  }
  const toImport = checked.filter((c) => opts.duplicates === 'import' || c.item.duplicateOf === null);
  const newPaths = new Map<string, string[]>();
  for (const { item } of toImport) {
    for (let depth = 1; depth <= item.categoryPath.length; depth++) {
      const path = item.categoryPath.slice(0, depth);
      if (!categories.has(pathKey(path)) && !newPaths.has(pathKey(path))) newPaths.set(pathKey(path), path);
    }
  }
  const result: TQuestionImportResult = {
    dryRun: opts.dryRun,
    format: parsed.format,
    total: checked.length,
    errors,
    duplicates: checked.filter((c) => c.item.duplicateOf !== null).length,
    imported: 0,
    skipped: checked.length - toImport.length,
    newCategories: [...newPaths.values()].map(joinCategoryPath),
    preview: checked.map((c) => c.item),
  };
  if (opts.dryRun) return result;
  if (errors.length > 0) {
    throw new AppError(
      'import_invalid',
      `Có ${errors.length} câu hỏi lỗi; không câu nào được nhập. Sửa các câu dưới đây rồi nhập lại.`,
      errors,
    );
  }

  // Ids are made here so that categories, questions, versions and audit rows can go in as batches.
  const categoryRows = [...newPaths.values()].map((path) => {
    const id = randomUUID();
    categories.set(pathKey(path), id);
    return { id, name: path[path.length - 1]!, parentId: null as string | null, path };
  });
  for (const c of categoryRows)
    c.parentId = c.path.length > 1 ? categories.get(pathKey(c.path.slice(0, -1)))! : null;
  const rows = toImport.map(({ item, content }) => {
    const id = randomUUID();
    const versionId = randomUUID();
    const c = content!;
    return {
      question: {
        id,
        code: item.code,
        categoryId: item.categoryPath.length > 0 ? categories.get(pathKey(item.categoryPath))! : null,
        tags: item.tags,
        difficulty: item.difficulty,
        sourceDocument: item.sourceDocument,
        sourceArticle: item.sourceArticle,
        currentVersionId: versionId,
        searchText: searchTextOf(c),
      },
      version: {
        id: versionId,
        questionId: id,
        versionNo: 1,
        type: c.type,
        stem: c.stem,
        options: c.options,
        explanation: c.explanation ?? null,
        createdBy: actor.id,
      },
      audit: {
        actorId: actor.id,
        actorUsername: actor.username,
        action: 'import',
        entity: 'question',
        entityId: id,
        after: { ref: item.ref.label, code: item.code, categoryPath: item.categoryPath, stem: c.stem },
        ip: actor.ip,
      },
    };
  });
  await withUniqueGuard(() =>
    db.transaction(async (tx) => {
      // Parents before children: paths were collected shortest first for each question.
      const byDepth = [...categoryRows].sort((a, b) => a.path.length - b.path.length);
      for (let i = 0; i < byDepth.length; i += CHUNK) {
        await tx
          .insert(questionCategories)
          .values(byDepth.slice(i, i + CHUNK).map(({ id, name, parentId }) => ({ id, name, parentId })));
      }
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        await tx.insert(questions).values(chunk.map((r) => r.question));
        await tx.insert(questionVersions).values(chunk.map((r) => r.version));
        await tx.insert(auditLog).values(chunk.map((r) => r.audit));
      }
      if (categoryRows.length > 0) {
        await tx.insert(auditLog).values(
          categoryRows.map((c) => ({
            actorId: actor.id,
            actorUsername: actor.username,
            action: 'import',
            entity: 'question_category',
            entityId: c.id,
            after: { name: c.name, parentId: c.parentId },
            ip: actor.ip,
          })),
        );
      }
    }),
  );
  return { ...result, imported: rows.length };
}
