import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type {
  TQuestion,
  TQuestionDetail,
  TQuestionFilters,
  TQuestionListQuery,
  TQuestionPage,
  TQuestionTags,
} from '../../contracts/questions';
import type { QuestionContent } from '../../core/exam/question';
import { AppError } from '../../core/shared/app-error';
import { lastVersionStats } from '../contest-results/item-analysis-bank';
import type { Db } from '../db/client';
import { questions, questionVersions, users } from '../db/schema';
import { type CategoryTree, loadCategoryTree } from './categories-repo';

/** What the search folds and matches: the stem and every option (a term may be in a distractor). */
export function searchTextOf(content: QuestionContent): string {
  return [content.stem, ...content.options.map((o) => o.text)].join('\n');
}

const columns = {
  id: questions.id,
  code: questions.code,
  categoryId: questions.categoryId,
  tags: questions.tags,
  difficulty: questions.difficulty,
  sourceDocument: questions.sourceDocument,
  sourceArticle: questions.sourceArticle,
  status: questions.status,
  isDemo: questions.isDemo,
  createdAt: questions.createdAt,
  updatedAt: questions.updatedAt,
  versionId: questionVersions.id,
  versionNo: questionVersions.versionNo,
  usedAt: questionVersions.usedAt,
  type: questionVersions.type,
  stem: questionVersions.stem,
  options: questionVersions.options,
  explanation: questionVersions.explanation,
};

const currentVersion = eq(questionVersions.id, questions.currentVersionId);

function baseSelect(db: Db) {
  return db.select(columns).from(questions).innerJoin(questionVersions, currentVersion);
}
type Row = Awaited<ReturnType<typeof baseSelect>>[number];

function toQuestion(row: Row, tree: CategoryTree): TQuestion {
  const { usedAt, createdAt, updatedAt, ...rest } = row;
  return {
    ...rest,
    categoryPath: tree.pathOf(row.categoryId),
    used: usedAt !== null,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The filters of the list and of the export; category includes its subcategories. */
export function questionFilters(f: TQuestionFilters, tree: CategoryTree): SQL | undefined {
  const conds: (SQL | undefined)[] = [isNull(questions.deletedAt)];
  if (f.q) {
    // Every word must appear (in any order), diacritics and case ignored: "chu ky so" finds "chữ ký số".
    for (const word of f.q.split(/\s+/).filter(Boolean).slice(0, 10)) {
      const term = `%${escapeLike(word)}%`;
      conds.push(
        sql`(vn_fold(${questions.searchText}) like vn_fold(${term}) or vn_fold(coalesce(${questions.code}, '')) like vn_fold(${term}))`,
      );
    }
  }
  if (f.categoryId === 'none') conds.push(isNull(questions.categoryId));
  else if (f.categoryId) conds.push(inArray(questions.categoryId, tree.descendantsOf(f.categoryId)));
  if (f.type) conds.push(eq(questionVersions.type, f.type));
  if (f.difficulty) conds.push(eq(questions.difficulty, f.difficulty));
  if (f.status) conds.push(eq(questions.status, f.status));
  if (f.tag) conds.push(sql`${f.tag} = any(${questions.tags})`);
  return and(...conds);
}

export async function listQuestions(db: Db, q: TQuestionListQuery): Promise<TQuestionPage> {
  const tree = await loadCategoryTree(db);
  const where = questionFilters(q, tree);
  const rows = await baseSelect(db)
    .where(where)
    .orderBy(desc(questions.createdAt), asc(questions.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(questions)
    .innerJoin(questionVersions, currentVersion)
    .where(where);
  const stats = await lastVersionStats(
    db,
    rows.map((r) => r.versionId),
  );
  return {
    items: rows.map((r) => ({ ...toQuestion(r, tree), lastStats: stats.get(r.versionId) ?? null })),
    total: Number(count?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Every question matching the filters, oldest first, for export. */
export async function allQuestions(db: Db, f: TQuestionFilters): Promise<TQuestion[]> {
  const tree = await loadCategoryTree(db);
  const rows = await baseSelect(db)
    .where(questionFilters(f, tree))
    .orderBy(asc(questions.createdAt), asc(questions.id));
  return rows
    .map((r) => toQuestion(r, tree))
    .sort((a, b) => a.categoryPath.join('\u0000').localeCompare(b.categoryPath.join('\u0000'), 'vi'));
}

export async function getQuestion(db: Db, id: string): Promise<TQuestion> {
  const [row] = await baseSelect(db).where(and(eq(questions.id, id), isNull(questions.deletedAt)));
  if (!row) throw new AppError('question_not_found', 'Không tìm thấy câu hỏi');
  return toQuestion(row, await loadCategoryTree(db));
}

export async function getQuestionDetail(db: Db, id: string): Promise<TQuestionDetail> {
  const question = await getQuestion(db, id);
  const versions = await db
    .select({
      id: questionVersions.id,
      versionNo: questionVersions.versionNo,
      type: questionVersions.type,
      stem: questionVersions.stem,
      options: questionVersions.options,
      explanation: questionVersions.explanation,
      usedAt: questionVersions.usedAt,
      createdAt: questionVersions.createdAt,
      createdBy: users.fullName,
    })
    .from(questionVersions)
    .leftJoin(users, eq(users.id, questionVersions.createdBy))
    .where(eq(questionVersions.questionId, id))
    .orderBy(desc(questionVersions.versionNo));
  const stats = await lastVersionStats(
    db,
    versions.map((v) => v.id),
  );
  return {
    ...question,
    lastStats: stats.get(question.versionId) ?? null,
    versions: versions.map((v) => ({
      ...v,
      lastStats: stats.get(v.id) ?? null,
      usedAt: v.usedAt?.toISOString() ?? null,
      createdAt: v.createdAt.toISOString(),
    })),
  };
}

/** Tags in use by live questions, most used first. */
export async function listTags(db: Db): Promise<TQuestionTags> {
  const rows = await db.execute(
    sql`select tag, count(*)::int as n from questions, unnest(tags) as tag
        where deleted_at is null group by tag order by count(*) desc, tag limit 500`,
  );
  const list = (rows as unknown as { rows: { tag: string; n: number }[] }).rows;
  return { items: list.map((r) => ({ tag: r.tag, count: Number(r.n) })) };
}
