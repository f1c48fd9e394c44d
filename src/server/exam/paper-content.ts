import { inArray } from 'drizzle-orm';
import type { TExamQuestion } from '../../contracts/exam';
import type { PaperItem } from '../../core/exam/contest';
import type { AnswerKey } from '../../core/exam/grade';
import type { QuestionType } from '../../core/exam/question';
import type { Db } from '../db/client';
import { questionVersions } from '../db/schema';

interface PublicVersion {
  type: QuestionType;
  stem: string;
  /** Key and text only: which option is correct never leaves the server before finalisation. */
  options: Map<string, string>;
}

/**
 * Versions drawn into a paper are immutable (editing a used question makes a new version), so their
 * public content is cached: 600 candidates opening the same paper at the start cost one query.
 */
const publicCache = new Map<string, PublicVersion>();
const CACHE_LIMIT = 5000;

async function loadPublicVersions(db: Db, versionIds: string[]): Promise<Map<string, PublicVersion>> {
  const found = new Map<string, PublicVersion>();
  const missing: string[] = [];
  for (const id of versionIds) {
    const hit = publicCache.get(id);
    if (hit) found.set(id, hit);
    else missing.push(id);
  }
  if (missing.length > 0) {
    const rows = await db
      .select({
        id: questionVersions.id,
        type: questionVersions.type,
        stem: questionVersions.stem,
        options: questionVersions.options,
        usedAt: questionVersions.usedAt,
      })
      .from(questionVersions)
      .where(inArray(questionVersions.id, missing));
    for (const row of rows) {
      const value: PublicVersion = {
        type: row.type,
        stem: row.stem,
        options: new Map(row.options.map((o) => [o.key, o.text])),
      };
      found.set(row.id, value);
      if (row.usedAt) {
        if (publicCache.size >= CACHE_LIMIT) publicCache.clear();
        publicCache.set(row.id, value);
      }
    }
  }
  return found;
}

/** The paper as the candidate sees it: questions and options in their order, without answer keys. */
export async function paperQuestions(db: Db, paper: PaperItem[]): Promise<TExamQuestion[]> {
  const versions = await loadPublicVersions(
    db,
    paper.map((item) => item.versionId),
  );
  return paper.map((item) => {
    const v = versions.get(item.versionId);
    return {
      versionId: item.versionId,
      type: v?.type ?? 'single',
      stem: v?.stem ?? '',
      options: item.optionOrder.map((key) => ({ key, text: v?.options.get(key) ?? '' })),
      points: item.points,
    };
  });
}

/** Answer keys of used versions, cached like their content: a wave of submissions costs no key query. */
const keyCache = new Map<string, AnswerKey>();

/** Answer keys by version id: server-side only, for grading. */
export async function loadAnswerKeys(db: Db, versionIds: string[]): Promise<Record<string, AnswerKey>> {
  const out: Record<string, AnswerKey> = {};
  const missing: string[] = [];
  for (const id of new Set(versionIds)) {
    const hit = keyCache.get(id);
    if (hit) out[id] = hit;
    else missing.push(id);
  }
  if (missing.length === 0) return out;
  const rows = await db
    .select({
      id: questionVersions.id,
      type: questionVersions.type,
      options: questionVersions.options,
      usedAt: questionVersions.usedAt,
    })
    .from(questionVersions)
    .where(inArray(questionVersions.id, missing));
  for (const r of rows) {
    const key: AnswerKey = { type: r.type, correct: r.options.filter((o) => o.correct).map((o) => o.key) };
    out[r.id] = key;
    if (r.usedAt) {
      if (keyCache.size >= CACHE_LIMIT) keyCache.clear();
      keyCache.set(r.id, key);
    }
  }
  return out;
}
