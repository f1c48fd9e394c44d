import { and, eq, inArray } from 'drizzle-orm';
import type { TAppealDetail } from '../../../contracts/contest-results-appeals-detail';
import type { PaperItem } from '../../../core/exam/contest';
import type { Db } from '../../db/client';
import { contestItemOverrides, questionVersions } from '../../db/schema';

type TheoryItem = TAppealDetail['theory'][number];

interface GradingItems {
  items?: { versionId: string; points: number }[];
}

/**
 * The theory paper for the organiser: every question in the candidate's order with their selection,
 * the key it is graded on now (a correction in force replaces the bank's key) and the points earned as
 * last graded. Staff only: it carries the keys.
 */
export async function theoryReview(
  db: Db,
  contestId: string,
  attempt: { paper: PaperItem[]; answers: Record<string, string[]>; grading: unknown },
): Promise<TheoryItem[]> {
  const ids = attempt.paper.map((p) => p.versionId);
  if (ids.length === 0) return [];
  const [versions, overrides] = await Promise.all([
    db
      .select({
        id: questionVersions.id,
        type: questionVersions.type,
        stem: questionVersions.stem,
        options: questionVersions.options,
      })
      .from(questionVersions)
      .where(inArray(questionVersions.id, ids)),
    db
      .select({
        versionId: contestItemOverrides.versionId,
        mode: contestItemOverrides.mode,
        correct: contestItemOverrides.correct,
      })
      .from(contestItemOverrides)
      .where(
        and(eq(contestItemOverrides.contestId, contestId), inArray(contestItemOverrides.versionId, ids)),
      ),
  ]);
  const byId = new Map(versions.map((v) => [v.id, v]));
  const overrideOf = new Map(overrides.map((o) => [o.versionId, o]));
  const graded = new Map(
    ((attempt.grading as GradingItems | null)?.items ?? []).map((i) => [i.versionId, Number(i.points)]),
  );
  return attempt.paper.map((item, i): TheoryItem => {
    const v = byId.get(item.versionId);
    const override = overrideOf.get(item.versionId) ?? null;
    const bankKey = new Set((v?.options ?? []).filter((o) => o.correct).map((o) => o.key));
    const key = override?.mode === 'key' && override.correct ? new Set(override.correct) : bankKey;
    const selected = new Set(attempt.answers[item.versionId] ?? []);
    const text = new Map((v?.options ?? []).map((o) => [o.key, o.text]));
    return {
      n: i + 1,
      versionId: item.versionId,
      type: v?.type ?? 'single',
      stem: v?.stem ?? '',
      points: item.points,
      earned: graded.has(item.versionId) ? graded.get(item.versionId)! : null,
      options: item.optionOrder.map((k) => ({
        key: k,
        text: text.get(k) ?? '',
        selected: selected.has(k),
        correct: key.has(k),
      })),
      override: override?.mode ?? null,
    };
  });
}
