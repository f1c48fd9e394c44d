import { eq } from 'drizzle-orm';
import type { TCandidateImportResult } from '../../contracts/contests';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import type { Db } from '../db/client';
import { candidates, examSessions, units } from '../db/schema';
import { todayVn } from '../units/units-repo';
import { numberPrefix } from './candidate-numbers';
import { candidateSearchText } from './candidates-repo';
import { assertNotClosed, getContest, lockContest } from './contests-repo';
import { planCandidateImport, type RawCandidateRow } from './plan-candidate-import';

const CHUNK = 500;

/**
 * Imports candidates all-or-nothing: every row is checked first and one bad row rejects the file,
 * listing every bad row with its column. A dry run returns the preview with the numbers to be given.
 */
export async function importCandidates(
  db: Db,
  actor: Actor,
  contestId: string,
  rows: RawCandidateRow[],
  dryRun: boolean,
  now: Date,
): Promise<TCandidateImportResult> {
  const contest = await getContest(db, contestId);
  assertNotClosed(contest.status);
  const today = todayVn(now);
  const [register, sessions, existing] = await Promise.all([
    db
      .select({
        id: units.id,
        code: units.code,
        name: units.name,
        level: units.level,
        validFrom: units.validFrom,
        validTo: units.validTo,
      })
      .from(units),
    db
      .select({ id: examSessions.id, name: examSessions.name })
      .from(examSessions)
      .where(eq(examSessions.contestId, contestId)),
    db
      .select({
        number: candidates.number,
        fullName: candidates.fullName,
        birthDate: candidates.birthDate,
        unitId: candidates.unitId,
      })
      .from(candidates)
      .where(eq(candidates.contestId, contestId)),
  ]);
  const plan = planCandidateImport(rows, {
    units: register.map((u) => ({
      ...u,
      active: u.validFrom <= today && (!u.validTo || u.validTo >= today),
    })),
    sessions,
    existing,
    numberPrefix: numberPrefix(contest.year),
  });
  if (!plan.ok) {
    throw new AppError(
      'import_invalid',
      `Có ${new Set(plan.errors.map((e) => e.rowNumber)).size} dòng lỗi; không thí sinh nào được nhập. Sửa các dòng dưới đây rồi nhập lại.`,
      plan.errors,
    );
  }
  const preview = plan.candidates.map(({ unitId: _u, sessionId: _s, ...p }) => p);
  if (dryRun) return { dryRun, total: preview.length, imported: 0, preview };

  await db.transaction(async (tx) => {
    const locked = await lockContest(tx, contestId);
    assertNotClosed(locked.status);
    for (let i = 0; i < plan.candidates.length; i += CHUNK) {
      const chunk = plan.candidates.slice(i, i + CHUNK).map((c) => ({
        contestId,
        sessionId: c.sessionId,
        number: c.number,
        fullName: c.fullName,
        birthDate: c.birthDate,
        position: c.position,
        unitId: c.unitId,
        unitName: c.unitName,
        level: c.level,
        extraSeconds: c.extraMinutes * 60,
        searchText: candidateSearchText(c),
      }));
      // A number taken meanwhile by another import fails the unique index and rolls everything back.
      await tx.insert(candidates).values(chunk);
    }
    await recordAudit(tx, actor, {
      action: 'import_candidates',
      entity: 'contest',
      entityId: contestId,
      after: {
        count: plan.candidates.length,
        numbers: plan.candidates.map((c) => c.number),
        withAccommodation: plan.candidates
          .filter((c) => c.extraMinutes > 0)
          .map((c) => ({ number: c.number, extraMinutes: c.extraMinutes })),
      },
    });
  });
  return { dryRun, total: preview.length, imported: preview.length, preview };
}
