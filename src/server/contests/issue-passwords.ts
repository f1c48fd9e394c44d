import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { TContest, TIssuePasswordsRequest } from '../../contracts/contests';
import { practiceScenarioOf } from '../../core/exam/rules';
import { AppError } from '../../core/shared/app-error';
import { type Actor, recordAudit } from '../audit';
import { hashPassword } from '../auth/password';
import type { Db } from '../db/client';
import { candidates, examSessions } from '../db/schema';
import { readCandidatePins } from '../office/candidate-pins';
import { issueCandidateCertificates } from '../office/issue-candidate-certificates';
import type { SecretBox } from '../office/secret-box';
import { assertNotClosed, getContest, lockContest } from './contests-repo';
import { type CredentialSlip, credentialSlipsPdf } from './credential-slips-pdf';
import { slipPassword } from './one-time-password';

/** scrypt runs on libuv's thread pool; a few at a time keeps the server answering meanwhile. */
const HASH_CONCURRENCY = 4;

async function hashAll(passwords: string[]): Promise<string[]> {
  const out: string[] = new Array(passwords.length);
  let next = 0;
  const worker = async () => {
    while (next < passwords.length) {
      const i = next++;
      out[i] = await hashPassword(passwords[i]!, 'one_sitting');
    }
  };
  await Promise.all(Array.from({ length: HASH_CONCURRENCY }, worker));
  return out;
}

/**
 * The signing PINs of the selected candidates, issuing the missing certificates first; null when the
 * contest has no practice part (or no secret box was given, so nothing can be issued or read).
 */
async function practicePins(
  db: Db,
  contestId: string,
  rules: TContest['rules'],
  selected: { id: string }[],
  practice: { box?: SecretBox; now?: Date },
): Promise<Map<string, string> | null> {
  if (!practice.box || !practiceScenarioOf(rules)) return null;
  const candidateIds = selected.map((c) => c.id);
  await issueCandidateCertificates(db, practice.box, contestId, {
    now: practice.now ?? new Date(),
    candidateIds,
  });
  return readCandidatePins(db, practice.box, contestId, candidateIds);
}

/**
 * "Cấp mật khẩu": gives each selected candidate a new random password, stores only its scrypt hash
 * and returns the credential slips as a PDF, the one place the passwords appear. Issuing again
 * replaces the previous passwords. The audit entry lists who got one, never the passwords.
 *
 * When the contest has a practice scenario and the server's secret box is given, the selected
 * candidates without an exam certificate get one first, and each slip carries the signing PIN
 * (unchanged by a reissue: the PIN belongs to the certificate). The `practice-certificates` job
 * issues them ahead, so this step is usually a lookup.
 */
export async function issuePasswords(
  db: Db,
  actor: Actor,
  contestId: string,
  request: TIssuePasswordsRequest,
  examUrl: string,
  practice: { box?: SecretBox; now?: Date } = {},
): Promise<{ pdf: Buffer; count: number }> {
  const contest = await getContest(db, contestId);
  assertNotClosed(contest.status);
  const where: SQL | undefined = request.sessionId
    ? and(eq(candidates.contestId, contestId), eq(candidates.sessionId, request.sessionId))
    : and(eq(candidates.contestId, contestId), inArray(candidates.id, request.candidateIds ?? []));
  if (request.sessionId) {
    const [session] = await db
      .select({ id: examSessions.id })
      .from(examSessions)
      .where(and(eq(examSessions.id, request.sessionId), eq(examSessions.contestId, contestId)));
    if (!session) throw new AppError('exam_session_not_found', 'Không tìm thấy ca thi');
  }
  const selected = await db
    .select({
      id: candidates.id,
      number: candidates.number,
      fullName: candidates.fullName,
      unitName: candidates.unitName,
      sessionName: examSessions.name,
      room: examSessions.room,
      scheduledAt: examSessions.scheduledAt,
    })
    .from(candidates)
    .leftJoin(examSessions, eq(examSessions.id, candidates.sessionId))
    .where(where)
    .orderBy(asc(examSessions.scheduledAt), asc(examSessions.name), asc(candidates.number));
  if (request.candidateIds && selected.length !== new Set(request.candidateIds).size) {
    throw new AppError('candidate_not_found', 'Có thí sinh không thuộc kỳ thi này');
  }
  if (selected.length === 0) throw new AppError('validation_failed', 'Ca thi chưa có thí sinh nào');

  const pins = await practicePins(db, contestId, contest.rules, selected, practice);
  const passwords = selected.map(() => slipPassword());
  const hashes = await hashAll(passwords);
  // The document is made before the hashes are stored: a failure must not leave passwords nobody has.
  const slips: CredentialSlip[] = selected.map((c, i) => ({
    ...c,
    password: passwords[i]!,
    pin: pins?.get(c.id) ?? null,
  }));
  const pdf = await credentialSlipsPdf(contest.name, examUrl, slips);
  await db.transaction(async (tx) => {
    const locked = await lockContest(tx, contestId);
    assertNotClosed(locked.status);
    for (const [i, c] of selected.entries()) {
      await tx.update(candidates).set({ passwordHash: hashes[i]! }).where(eq(candidates.id, c.id));
    }
    await recordAudit(tx, actor, {
      action: 'issue_passwords',
      entity: 'contest',
      entityId: contestId,
      after: {
        sessionId: request.sessionId ?? null,
        count: selected.length,
        numbers: selected.map((c) => c.number),
        ...(pins ? { signingPins: pins.size } : {}),
      },
    });
  });
  return { pdf, count: selected.length };
}
