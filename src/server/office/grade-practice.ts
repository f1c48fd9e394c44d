import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { closeSandbox } from '../../core/office/answers';
import { gradePractice, type PracticeResult, type SignatureResults } from '../../core/office/grade';
import type { SandboxState } from '../../core/office/state';
import type { Db } from '../db/client';
import { practiceCertificates } from '../db/schema';
import { isoParam, queryRows } from '../db/sql-rows';
import type { TSignatureVerification } from '../signing/verification-result';
import { readContestCaCertificate } from './contest-ca-store';
import { runPdfTask } from './pdf-pool-run';
import { latestRevision } from './sandbox-files';
import { loadSandbox, type SandboxRecord } from './sandbox-store';

/** Clock difference allowed between the signing server and the attempt's recorded start. */
const SKEW_MS = 60_000;

export interface PracticeGrade {
  score: number;
  max: number;
  result: PracticeResult;
  /** The verifier's findings per document key, kept with the grade for appeals. */
  verifications: Record<string, TSignatureVerification[]>;
}

/** The window a signature must fall in: from the attempt's start to its end (or deadline + grace). */
function examWindow(record: SandboxRecord): { from: number; to: number } | null {
  const { startedAt, finalisedAt, deadlineAt, graceSeconds } = record.attempt;
  if (!startedAt) return null;
  const end = finalisedAt ?? (deadlineAt ? new Date(deadlineAt.getTime() + graceSeconds * 1000) : null);
  return {
    from: startedAt.getTime() - SKEW_MS,
    to: end ? end.getTime() + SKEW_MS : Number.POSITIVE_INFINITY,
  };
}

/** Verifies the final PDF of every outgoing document against the contest CA, as the core grader wants it. */
async function verifyDocuments(db: Db, record: SandboxRecord) {
  const caPem = await readContestCaCertificate(db, record.contestId);
  const certs = await db
    .select({
      kind: practiceCertificates.kind,
      candidateId: practiceCertificates.candidateId,
      serial: practiceCertificates.serial,
    })
    .from(practiceCertificates)
    .where(eq(practiceCertificates.contestId, record.contestId));
  const candidateSerial = certs.find(
    (c) => c.kind === 'candidate' && c.candidateId === record.candidateId,
  )?.serial;
  const agencySerials = new Set(certs.filter((c) => c.kind === 'agency').map((c) => c.serial));
  const window = examWindow(record);
  const signatures: SignatureResults = {};
  const verifications: Record<string, TSignatureVerification[]> = {};
  for (const doc of record.state.documents) {
    if (doc.direction !== 'outgoing' || !doc.key) continue;
    const file = await latestRevision(db, record.attemptId, doc.fileId);
    // Revision 0 is the draft as rendered: nothing was signed.
    if (!file || file.revision === 0 || !caPem) {
      signatures[doc.key] = [];
      continue;
    }
    const found = await runPdfTask('verifySigned', { pdf: file.data, trusted: [caPem] });
    verifications[doc.key] = found.signatures;
    signatures[doc.key] = found.signatures.map((s) => {
      const at = s.signingTime ? Date.parse(s.signingTime) : Number.NaN;
      return {
        valid: s.valid,
        byCandidate: candidateSerial !== undefined && s.certificateSerial === candidateSerial,
        byAgency: s.certificateSerial !== null && agencySerials.has(s.certificateSerial),
        ...(window ? { inWindow: at >= window.from && at <= window.to } : {}),
      };
    });
  }
  return { signatures, verifications };
}

/**
 * Grades an attempt's practice part on its end state: every signed PDF is verified against the contest
 * CA, and the core grader scores the sandbox with those findings. The grade is stored with the sandbox;
 * a finalised attempt's sandbox is closed at the same time, so it accepts nothing afterwards. Grading
 * again (a regrade after an appeal) replaces the stored grade.
 */
export async function gradePracticeAttempt(db: Db, attemptId: string, now: Date): Promise<PracticeGrade> {
  for (let tries = 0; ; tries++) {
    const record = await loadSandbox(db, attemptId);
    const { signatures, verifications } = await verifyDocuments(db, record);
    const result = gradePractice(record.scenario, record.state, signatures);
    const closed: SandboxState =
      record.attempt.status === 'finalised'
        ? closeSandbox(record.state, { now: now.toISOString(), newId: randomUUID })
        : record.state;
    const grading = { result, signatures: verifications };
    const rows = await queryRows<{ seq: number }>(
      db,
      sql`update practice_sandboxes
          set score = ${result.total}, max_score = ${result.max}, grading = ${JSON.stringify(grading)}::jsonb,
              graded_at = ${isoParam(now)}::timestamptz, updated_at = ${isoParam(now)}::timestamptz,
              state = ${JSON.stringify(closed)}::jsonb,
              seq = seq + ${closed === record.state ? 0 : 1}
          where attempt_id = ${attemptId} and seq = ${record.seq}
          returning seq::float8 as seq`,
    );
    if (rows.length > 0) return { score: result.total, max: result.max, result, verifications };
    // An action landed while we verified (the attempt was still open): grade the newer state.
    if (tries >= 2) throw new Error(`Practice sandbox ${attemptId} kept changing while it was graded`);
  }
}

/**
 * One pass of the grading job: grades the practice part of finalised attempts whose sandbox is not
 * closed yet, i.e. not graded since the end (a few per call: each verifies several PDFs). An attempt
 * that fails is reported and left for the next pass; it does not hold up the others.
 */
export async function gradePendingPractice(
  db: Db,
  now: Date,
  limit = 20,
): Promise<{ graded: number; failed: { attemptId: string; error: string }[] }> {
  const due = await queryRows<{ attemptId: string }>(
    db,
    sql`select p.attempt_id as "attemptId" from practice_sandboxes p join attempts a on a.id = p.attempt_id
        where a.status = 'finalised' and p.state->>'closedAt' is null
        order by a.finalised_at, p.attempt_id limit ${limit}`,
  );
  let graded = 0;
  const failed: { attemptId: string; error: string }[] = [];
  for (const { attemptId } of due) {
    try {
      await gradePracticeAttempt(db, attemptId, now);
      graded++;
    } catch (e) {
      failed.push({ attemptId, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return { graded, failed };
}
