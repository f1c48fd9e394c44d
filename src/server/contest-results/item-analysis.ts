import { eq, sql } from 'drizzle-orm';
import type { PaperItem } from '../../core/exam/contest';
import {
  analyseItems,
  type ItemAnalysis,
  type ItemResponse,
  type ItemVersionInfo,
} from '../../core/exam/item-stats';
import type { QuestionOption, QuestionType } from '../../core/exam/question';
import { effectiveKeys, regradePaper } from '../../core/exam/regrade';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { contestItemAnalyses, contests, questionVersionStats } from '../db/schema';
import { queryRows } from '../db/sql-rows';
import { loadAnswerKeys } from '../exam/paper-content';
import { loadOverrides } from './recompute-plan';
import { requireContest } from './regrade-questions';

/**
 * Why the statistics cannot be computed now (Vietnamese), or null. A closed contest always can; an
 * open one once every attempt is finalised (on the organiser's request).
 */
export async function itemAnalysisBlock(db: Db, contestId: string): Promise<string | null> {
  const contest = await requireContest(db, contestId);
  const [row] = await queryRows<{ open: number; done: number }>(
    db,
    sql`select count(*) filter (where a.status <> 'finalised')::int as open,
          count(*) filter (where a.status = 'finalised')::int as done
        from attempts a join candidates c on c.id = a.candidate_id
        where c.contest_id = ${contestId}`,
  );
  const open = Number(row?.open ?? 0);
  if (Number(row?.done ?? 0) === 0) return 'Chưa có bài thi nào đã nộp để phân tích câu hỏi';
  if (contest.status !== 'closed' && open > 0) {
    return `Kỳ thi chưa đóng và còn ${open} bài thi chưa kết thúc: chỉ phân tích câu hỏi khi kỳ thi đã đóng hoặc mọi bài thi đã nộp`;
  }
  return null;
}

/** Regrades of questions (not appeals) so far: statistics computed before the last one are stale. */
export async function keyRegradeCount(db: Db, contestId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from contest_regrades where contest_id = ${contestId} and cause <> 'appeal'`,
  );
  return Number(row?.n ?? 0);
}

/**
 * Computes the item analysis of a contest's theory part from the raw answers, graded with the
 * corrections in force (a dropped question is analysed on its key but left out of every total), and
 * stores it: one `question_version_stats` row per version and the test level in `contest_item_analyses`.
 */
export async function computeItemAnalysis(db: Db, contestId: string, now: Date): Promise<ItemAnalysis> {
  const blocked = await itemAnalysisBlock(db, contestId);
  if (blocked) throw new AppError('conflict', blocked);
  const [contest] = await db
    .select({ rules: contests.rules })
    .from(contests)
    .where(eq(contests.id, contestId));
  const rows = await queryRows<{ paper: PaperItem[]; answers: Record<string, string[]> }>(
    db,
    sql`select a.paper, a.answers from attempts a join candidates c on c.id = a.candidate_id
        where c.contest_id = ${contestId} and a.status = 'finalised' order by a.id`,
  );
  const versionIds = [...new Set(rows.flatMap((r) => r.paper.map((i) => i.versionId)))];
  const keys = await loadAnswerKeys(db, versionIds);
  const overrides = await loadOverrides(db, contestId);
  const keyFixes = overrides.filter((o) => o.mode === 'key');
  const dropped = new Set(overrides.filter((o) => o.mode !== 'key').map((o) => o.versionId));
  const scoring = contest!.rules.multipleScoring;
  const attempts: ItemResponse[][] = [];
  for (const r of rows) {
    let graded: ReturnType<typeof regradePaper>;
    try {
      graded = regradePaper(r.paper, r.answers, keys, keyFixes, { multipleScoring: scoring });
    } catch {
      continue; // a paper naming a version without a key: left out, as it was never graded
    }
    attempts.push(
      graded.items.map((item, i) => ({
        versionId: item.versionId,
        points: item.points,
        max: item.max,
        selected: (r.answers[item.versionId] ?? []).filter((k) => r.paper[i]!.optionOrder.includes(k)),
      })),
    );
  }
  const bank = versionIds.length
    ? await queryRows<{ id: string; type: QuestionType; options: QuestionOption[] }>(
        db,
        sql`select id, type, options from question_versions
            where id in (${sql.join(
              versionIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})`,
      )
    : [];
  const inForce = effectiveKeys(keys, keyFixes);
  const versions: ItemVersionInfo[] = bank.map((v) => ({
    versionId: v.id,
    type: v.type,
    options: v.options.map((o) => o.key),
    correct: inForce[v.id]?.correct ?? [],
    inTotal: !dropped.has(v.id),
  }));
  const analysis = analyseItems(attempts, versions, scoring);
  const regrades = await keyRegradeCount(db, contestId);
  await db.transaction(async (tx) => {
    await tx.delete(questionVersionStats).where(eq(questionVersionStats.contestId, contestId));
    if (analysis.items.length > 0) {
      await tx.insert(questionVersionStats).values(
        analysis.items.map((s) => ({
          versionId: s.versionId,
          contestId,
          responses: s.responses,
          stats: s,
          computedAt: now,
        })),
      );
    }
    const summary = {
      test: analysis.test,
      regrades,
      flagged: analysis.items.filter((s) => s.flags.length > 0).length,
    };
    await tx
      .insert(contestItemAnalyses)
      .values({ contestId, summary, computedAt: now })
      .onConflictDoUpdate({ target: contestItemAnalyses.contestId, set: { summary, computedAt: now } });
  });
  return analysis;
}
