import type { TContestResults, TResultRow } from '../../contracts/contest-results';
import { rankCandidates } from '../../core/exam/rankings';
import { practiceSectionPoints } from '../../core/exam/rules';
import type { Db } from '../db/client';
import { type CandidateResult, type ContestResults, loadContestResults } from './load-results';

/** The registry unit id, or the unit name when the candidate has no registry unit. */
export const unitKeyOf = (c: Pick<CandidateResult, 'unitId' | 'unitName'>) =>
  c.unitId ?? `name:${c.unitName}`;

/** Scale, threshold and section points of the contest, as the pages and documents show them. */
export function contestHead(results: ContestResults): TContestResults['contest'] {
  const { contest } = results;
  const theory = contest.rules.sections.find((s) => s.code === 'theory')?.points ?? 0;
  return {
    id: contest.id,
    year: contest.year,
    name: contest.name,
    status: contest.status,
    scale: contest.rules.scale,
    passThreshold: contest.rules.passThreshold,
    theoryPoints: theory,
    practicePoints: practiceSectionPoints(contest.rules),
  };
}

/** Ranked rows (highest total first, ties in Vietnamese name order); only `graded` candidates are ranked. */
export function rankedRows(candidates: readonly CandidateResult[]): TResultRow[] {
  const ranked = rankCandidates(
    candidates.map((c) => ({
      ...c,
      unitKey: unitKeyOf(c),
      result: c.state === 'graded' ? c.result : null,
    })),
  );
  return ranked.map(({ item: c, overall, level, unit }) => ({
    candidateId: c.candidateId,
    number: c.number,
    fullName: c.fullName,
    unitId: c.unitId,
    unitCode: c.unitCode,
    unitName: c.unitName,
    level: c.level,
    sessionName: c.sessionName,
    state: c.state,
    theory: c.result?.theory ?? null,
    practice: c.result?.practice ?? null,
    total: c.result?.total ?? null,
    flag: c.result?.flag ?? null,
    overall,
    byLevel: level,
    byUnit: unit,
  }));
}

/** What keeps results from publication: attempts still running, or sat and finalised without a grade. */
export function publishBlockers(results: ContestResults) {
  const count = (test: (c: CandidateResult) => boolean) => results.candidates.filter(test).length;
  return {
    // A running attempt blocks publication even if its candidate has not logged in yet.
    inProgress: count((c) => c.attemptStatus === 'in_progress'),
    ungraded: count((c) => c.state === 'ungraded'),
  };
}

/** Publishing is allowed once the contest is closed, or every attempt is final and graded. */
export function canPublish(results: ContestResults): boolean {
  const b = publishBlockers(results);
  return results.contest.status === 'closed' || (b.inProgress === 0 && b.ungraded === 0);
}

/** The results page of a contest: head, publication, ranked rows. */
export async function contestResultsView(db: Db, contestId: string): Promise<TContestResults> {
  const results = await loadContestResults(db, contestId);
  return {
    contest: contestHead(results),
    publication: results.publication
      ? {
          showAnswers: results.publication.showAnswers,
          publishedAt: results.publication.publishedAt.toISOString(),
        }
      : null,
    canPublish: canPublish(results),
    blockers: publishBlockers(results),
    rows: rankedRows(results.candidates),
  };
}
