import { eq, type SQL, sql } from 'drizzle-orm';
import type { ContestRules, PaperItem } from '../../core/exam/contest';
import { roundPoints } from '../../core/exam/points';
import {
  type ItemOverride,
  type RegradedItem,
  type ResultSnapshot,
  regradePaper,
  resultChange,
} from '../../core/exam/regrade';
import type { AttemptScores } from '../../core/exam/result';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { contestItemOverrides, contests } from '../db/schema';
import { queryRows } from '../db/sql-rows';
import { loadAnswerKeys } from '../exam/paper-content';

/** One attempt whose result changed, as kept in `contest_regrades.diff`. */
export interface RegradeDiffEntry {
  attemptId: string;
  candidateId: string;
  number: string;
  fullName: string;
  unitName: string;
  before: ResultSnapshot;
  after: ResultSnapshot;
  delta: number;
}

/** A new theory grade to store for one attempt. */
export interface TheoryWrite {
  id: string;
  score: number;
  max: number;
  grading: { items: RegradedItem[]; scale?: number };
}

export interface RecomputePlan {
  contestId: string;
  rules: ContestRules;
  overrides: ItemOverride[];
  /** Number of recomputes already recorded for the contest when planned: a later one makes this stale. */
  regradeCount: number;
  writes: TheoryWrite[];
  diff: RegradeDiffEntry[];
  checkedCount: number;
}

interface AttemptRow {
  id: string;
  candidateId: string;
  number: string;
  fullName: string;
  unitName: string;
  paper: PaperItem[];
  answers: Record<string, string[]>;
  theoryScore: number | null;
  theoryMax: number | null;
  grading: { items?: RegradedItem[] } | null;
  practiceRaw: number | null;
  practiceRawMax: number | null;
}

/** The corrections currently in force for a contest's questions. */
export async function loadOverrides(db: Db, contestId: string): Promise<ItemOverride[]> {
  const rows = await db
    .select({
      versionId: contestItemOverrides.versionId,
      mode: contestItemOverrides.mode,
      correct: contestItemOverrides.correct,
    })
    .from(contestItemOverrides)
    .where(eq(contestItemOverrides.contestId, contestId));
  return rows.map((r) => ({ versionId: r.versionId, mode: r.mode, correct: r.correct ?? null }));
}

/** How many attempts are still running and how many recomputes are recorded (both checked again under the lock). */
export async function contestRecomputeState(db: Db, contestId: string) {
  const [row] = await queryRows<{ running: number; regrades: number }>(
    db,
    sql`select
          (select count(*)::int from attempts a join candidates c on c.id = a.candidate_id
            where c.contest_id = ${contestId} and a.status = 'in_progress') as running,
          (select count(*)::int from contest_regrades r where r.contest_id = ${contestId}) as regrades`,
  );
  return { running: Number(row?.running ?? 0), regrades: Number(row?.regrades ?? 0) };
}

/**
 * Theory scores are stored as `real` (float4): 100 ÷ 30 × 17 reads back as 56.666668. Both sides of a
 * comparison go through the stored precision so that an unchanged score never shows as changed.
 */
export const asStored = (value: number): number => roundPoints(Math.fround(value));

const idList = (ids: string[]): SQL =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

const itemKey = (i: RegradedItem) =>
  `${i.versionId}|${i.points}|${i.max}|${i.correct}|${i.answered}|${i.override ?? ''}`;

function sameItems(stored: RegradedItem[] | undefined, next: RegradedItem[]): boolean {
  if (!stored || stored.length !== next.length) return false;
  return stored.every((item, i) => itemKey(item) === itemKey(next[i]!));
}

/**
 * Regrades every finalised attempt of a contest (or the given ones) from its raw answers with the
 * given corrections (default: those in force) and compares each result before and after. Reads only.
 * Adjustments of `appealId` count only after, so an appeal decision written just before shows in the diff.
 */
export async function planRecompute(
  db: Db,
  opts: { contestId: string; overrides?: ItemOverride[]; attemptIds?: string[]; appealId?: string | null },
): Promise<RecomputePlan> {
  const [contest] = await db
    .select({ rules: contests.rules })
    .from(contests)
    .where(eq(contests.id, opts.contestId));
  if (!contest) throw new AppError('contest_not_found', 'Không tìm thấy kỳ thi');
  const state = await contestRecomputeState(db, opts.contestId);
  if (state.running > 0) {
    throw new AppError(
      'conflict',
      `Còn ${state.running} bài thi đang làm: chỉ chấm lại khi mọi bài thi đã nộp`,
      { running: state.running },
    );
  }
  const overrides = opts.overrides ?? (await loadOverrides(db, opts.contestId));
  const only = opts.attemptIds;
  if (only && only.length === 0) {
    return {
      contestId: opts.contestId,
      rules: contest.rules,
      overrides,
      regradeCount: state.regrades,
      writes: [],
      diff: [],
      checkedCount: 0,
    };
  }
  const rows = await queryRows<AttemptRow>(
    db,
    sql`select a.id, a.candidate_id as "candidateId", c.number, c.full_name as "fullName",
          c.unit_name as "unitName", a.paper, a.answers, a.theory_score::float8 as "theoryScore",
          a.theory_max::float8 as "theoryMax", a.grading,
          p.score::float8 as "practiceRaw", p.max_score::float8 as "practiceRawMax"
        from attempts a
        join candidates c on c.id = a.candidate_id
        left join practice_sandboxes p on p.attempt_id = a.id
        where c.contest_id = ${opts.contestId} and a.status = 'finalised'
          ${only ? sql`and a.id in (${idList(only)})` : sql``}
        order by c.number`,
  );
  const adjustments = await queryRows<{
    attemptId: string;
    section: 'theory' | 'practice';
    points: number;
    appealId: string | null;
  }>(
    db,
    sql`select j.attempt_id as "attemptId", j.section, j.points::float8 as points, j.appeal_id as "appealId"
        from attempt_adjustments j
        join attempts a on a.id = j.attempt_id
        join candidates c on c.id = a.candidate_id
        where c.contest_id = ${opts.contestId}`,
  );
  const keys = await loadAnswerKeys(
    db,
    rows.flatMap((r) => r.paper.map((i) => i.versionId)),
  );
  const writes: TheoryWrite[] = [];
  const diff: RegradeDiffEntry[] = [];
  for (const row of rows) {
    const mine = adjustments.filter((j) => j.attemptId === row.id);
    let regraded: ReturnType<typeof regradePaper>;
    try {
      regraded = regradePaper(row.paper, row.answers, keys, overrides, {
        multipleScoring: contest.rules.multipleScoring,
      });
    } catch {
      // A paper naming a version without a key cannot be graded: it stays as it is.
      continue;
    }
    const practice = { practiceRaw: row.practiceRaw, practiceRawMax: row.practiceRawMax };
    const storedScore = row.theoryScore === null ? null : asStored(row.theoryScore);
    const newScore = asStored(regraded.score);
    const before: AttemptScores = {
      theory: storedScore,
      ...practice,
      adjustments: mine.filter((j) => !opts.appealId || j.appealId !== opts.appealId),
    };
    const after: AttemptScores = { theory: newScore, ...practice, adjustments: mine };
    const change = resultChange(before, after, contest.rules);
    if (
      storedScore !== newScore ||
      row.theoryMax === null ||
      asStored(row.theoryMax) !== asStored(regraded.max) ||
      !sameItems(row.grading?.items, regraded.items)
    ) {
      writes.push({
        id: row.id,
        score: regraded.score,
        max: regraded.max,
        grading: { items: regraded.items, ...(regraded.scale !== 1 ? { scale: regraded.scale } : {}) },
      });
    }
    if (change.changed) {
      diff.push({
        attemptId: row.id,
        candidateId: row.candidateId,
        number: row.number,
        fullName: row.fullName,
        unitName: row.unitName,
        before: change.before,
        after: change.after,
        delta: change.delta,
      });
    }
  }
  return {
    contestId: opts.contestId,
    rules: contest.rules,
    overrides,
    regradeCount: state.regrades,
    writes,
    diff,
    checkedCount: rows.length,
  };
}
