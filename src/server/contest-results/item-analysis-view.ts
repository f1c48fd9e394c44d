import { eq } from 'drizzle-orm';
import type { TItemAnalysis, TItemStats, TTestStats } from '../../contracts/contest-results-items';
import type { Db } from '../db/client';
import { contestItemAnalyses, questionVersionStats } from '../db/schema';
import { computeItemAnalysis, itemAnalysisBlock, keyRegradeCount } from './item-analysis';
import { contestQuestions, requireContest } from './regrade-questions';

/**
 * The stored item analysis of a contest with each question's content and correction. A closed
 * contest without statistics gets them computed on first view, so they exist once the contest closes.
 */
export async function itemAnalysisView(db: Db, contestId: string, now: Date): Promise<TItemAnalysis> {
  const contest = await requireContest(db, contestId);
  let [stored] = await db
    .select()
    .from(contestItemAnalyses)
    .where(eq(contestItemAnalyses.contestId, contestId));
  const blockedReason = await itemAnalysisBlock(db, contestId);
  if (!stored && contest.status === 'closed' && !blockedReason) {
    await computeItemAnalysis(db, contestId, now);
    [stored] = await db
      .select()
      .from(contestItemAnalyses)
      .where(eq(contestItemAnalyses.contestId, contestId));
  }
  const base = { contestId, canCompute: blockedReason === null, blockedReason };
  if (!stored) return { ...base, computedAt: null, stale: false, test: null, items: [] };
  const summary = stored.summary as { test: TTestStats; regrades?: number };
  const regrades = await keyRegradeCount(db, contestId);
  const stats = await db
    .select({ versionId: questionVersionStats.versionId, stats: questionVersionStats.stats })
    .from(questionVersionStats)
    .where(eq(questionVersionStats.contestId, contestId));
  const byVersion = new Map(stats.map((s) => [s.versionId, s.stats as TItemStats]));
  const questions = await contestQuestions(db, contestId);
  return {
    ...base,
    computedAt: stored.computedAt.toISOString(),
    stale: (summary.regrades ?? 0) !== regrades,
    test: summary.test,
    items: questions.flatMap((q) => {
      const s = byVersion.get(q.versionId);
      return s ? [{ ...q, stats: s }] : [];
    }),
  };
}
