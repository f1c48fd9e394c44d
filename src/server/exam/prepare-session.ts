import { randomBytes } from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { type AssembleOptions, assemblePaper, type PoolQuestion } from '../../core/exam/assemble';
import type { PaperItem } from '../../core/exam/contest';
import { practiceScenarioOf } from '../../core/exam/rules';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { attempts, questionCategories, questions, questionVersions } from '../db/schema';
import { queryRows } from '../db/sql-rows';
import { recomputeDeadlines } from './deadlines';
import { recordAttemptEvents } from './events';
import { type SeedSandboxesResult, seedMissingSandboxes } from './seed-sandboxes';
import { loadSessionContext, requireOpenContest, type SessionContext } from './session-context';

const INSERT_CHUNK = 200;

async function loadPool(db: Db): Promise<{ pool: PoolQuestion[]; options: AssembleOptions }> {
  const rows = await db
    .select({
      questionId: questions.id,
      versionId: questionVersions.id,
      categoryId: questions.categoryId,
      difficulty: questions.difficulty,
      tags: questions.tags,
      type: questionVersions.type,
      options: questionVersions.options,
    })
    .from(questions)
    .innerJoin(questionVersions, eq(questionVersions.id, questions.currentVersionId))
    .where(
      and(
        eq(questions.status, 'approved'),
        isNull(questions.deletedAt),
        isNotNull(questions.currentVersionId),
      ),
    );
  const categories = await db
    .select({
      id: questionCategories.id,
      parentId: questionCategories.parentId,
      name: questionCategories.name,
    })
    .from(questionCategories);
  return {
    pool: rows.map((r) => ({
      questionId: r.questionId,
      versionId: r.versionId,
      categoryId: r.categoryId,
      difficulty: r.difficulty,
      tags: r.tags,
      type: r.type,
      optionKeys: r.options.map((o) => o.key),
    })),
    options: {
      categoryParents: Object.fromEntries(categories.map((c) => [c.id, c.parentId])),
      categoryNames: Object.fromEntries(categories.map((c) => [c.id, c.name])),
    },
  };
}

export interface PrepareResult {
  /** Papers assembled by this call. */
  created: number;
  /** Candidates of the session. */
  total: number;
  /** Practice sandboxes seeded by this call (null when the contest has no practice scenario). */
  sandboxes: SeedSandboxesResult | null;
}

/**
 * Assembles the paper of every candidate of the session who has none yet (seeded per candidate and
 * stored), and marks the drawn question versions used. Done before the start, so that starting a
 * room is one cheap UPDATE instead of hundreds of random draws (TCExam #164). A candidate added to a
 * running session gets a paper on the session's clock.
 *
 * When the rules name a practice scenario, every attempt of the session without a practice sandbox
 * then gets one. Seeding renders each candidate's draft (about 0.3 s an attempt), so it runs after
 * the papers' transaction, not inside it; it skips sandboxes that exist, so preparing again completes
 * a run that was cut short (the `practice-sandboxes` job does the same in the background).
 */
export async function prepareSession(
  db: Db,
  sessionId: string,
  now: Date,
  actor: Actor,
): Promise<PrepareResult> {
  const papers = await preparePapers(db, sessionId, now, actor);
  const ctx = papers.ctx;
  const sandboxes = practiceScenarioOf(ctx.contest.rules)
    ? await seedMissingSandboxes(db, { sessionId }, now)
    : null;
  return { created: papers.created, total: papers.total, sandboxes };
}

async function preparePapers(
  db: Db,
  sessionId: string,
  now: Date,
  actor: Actor,
): Promise<{ ctx: SessionContext; created: number; total: number }> {
  const ctx = await loadSessionContext(db, sessionId);
  requireOpenContest(ctx);
  if (ctx.session.status === 'ended') throw new AppError('conflict', 'Ca thi đã kết thúc');
  const waiting = await queryRows<{ id: string }>(
    db,
    sql`select c.id from candidates c left join attempts a on a.candidate_id = c.id
        where c.session_id = ${sessionId} and a.id is null order by c.number`,
  );
  const [{ total } = { total: 0 }] = await queryRows<{ total: number }>(
    db,
    sql`select count(*)::int as total from candidates where session_id = ${sessionId}`,
  );
  if (waiting.length === 0) return { ctx, created: 0, total: Number(total) };

  const { pool, options } = await loadPool(db);
  const papers = waiting.map((c) => {
    const seed = randomBytes(16).toString('hex');
    return { candidateId: c.id, seed, paper: assemblePaper(pool, ctx.contest.rules, seed, options) };
  });
  const usedVersions = [...new Set(papers.flatMap((p) => p.paper.map((i: PaperItem) => i.versionId)))];
  const started = ctx.session.status === 'running' || ctx.session.status === 'paused';

  const created = await db.transaction(async (tx) => {
    const inserted: { id: string; candidateId: string }[] = [];
    for (let i = 0; i < papers.length; i += INSERT_CHUNK) {
      const rows = await tx
        .insert(attempts)
        .values(
          papers.slice(i, i + INSERT_CHUNK).map((p) => ({
            candidateId: p.candidateId,
            sessionId,
            paper: p.paper,
            seed: p.seed,
            status: started ? ('in_progress' as const) : ('ready' as const),
            startedAt: started ? now : null,
            createdAt: now,
          })),
        )
        .onConflictDoNothing({ target: attempts.candidateId })
        .returning({ id: attempts.id, candidateId: attempts.candidateId });
      inserted.push(...rows);
    }
    if (usedVersions.length > 0) {
      await tx
        .update(questionVersions)
        .set({ usedAt: now })
        .where(and(inArray(questionVersions.id, usedVersions), isNull(questionVersions.usedAt)));
    }
    if (started) await recomputeDeadlines(tx, ctx.session, ctx.contest.rules.durationMinutes);
    const questionCount = new Map(papers.map((p) => [p.candidateId, p.paper.length]));
    await recordAttemptEvents(
      tx,
      inserted.map((r) => ({
        candidateId: r.candidateId,
        attemptId: r.id,
        kind: 'prepared' as const,
        at: now,
        actorId: actor.id,
        payload: { questionCount: questionCount.get(r.candidateId) ?? 0 },
      })),
    );
    await recordAudit(tx, actor, {
      action: 'exam_session_prepare',
      entity: 'exam_session',
      entityId: sessionId,
      after: { papersCreated: inserted.length, questionVersionsUsed: usedVersions.length },
    });
    return inserted.length;
  });
  return { ctx, created, total: Number(total) };
}
