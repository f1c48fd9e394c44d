import { X509Certificate } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { TPracticeView } from '../../../contracts/practice';
import { AppError } from '../../../core/shared/app-error';
import type { Db } from '../../db/client';
import { attempts } from '../../db/schema';
import { findCandidateCertificate } from '../../office/candidate-certificate';
import { type PracticeCertificateInfo, practiceView } from '../../office/practice-view';
import { assertPracticeOpen, loadSandbox, type SandboxRecord } from '../../office/sandbox-store';

/** The signed-in candidate's attempt; before there is one, the exam has not started for them. */
export async function candidateAttemptId(db: Db, candidateId: string): Promise<string> {
  const [row] = await db
    .select({ id: attempts.id })
    .from(attempts)
    .where(eq(attempts.candidateId, candidateId));
  if (!row) throw new AppError('exam_not_started', 'Ca thi chưa bắt đầu');
  return row.id;
}

/**
 * Whether the sandbox is read-only now: the attempt is over (finalised, out of time, sandbox closed).
 * Before the start nothing is shown (`exam_not_started`, as for the theory part); a paused session is
 * not closed, its writes are refused until it resumes.
 */
export function practiceClosed(record: SandboxRecord, now: Date): boolean {
  if (record.state.closedAt) return true;
  try {
    assertPracticeOpen(record, now);
    return false;
  } catch (e) {
    if (e instanceof AppError && e.code === 'attempt_closed') return true;
    if (e instanceof AppError && e.code === 'exam_paused') return false;
    throw e;
  }
}

/** The common name in an X.509 distinguished name as node prints it ("C=VN\nO=…\nCN=…"). */
function commonName(dn: string): string {
  const line = dn.split('\n').find((l) => l.startsWith('CN='));
  return line ? line.slice(3) : dn;
}

/** The candidate's exam certificate as the signing dialog shows it; null until issued. */
export async function candidateCertificateInfo(
  db: Db,
  record: SandboxRecord,
): Promise<PracticeCertificateInfo | null> {
  const row = await findCandidateCertificate(db, record);
  if (!row) return null;
  const issuer = new X509Certificate(row.certificatePem).issuer;
  return {
    serial: row.serial,
    subject: row.subjectName,
    issuer: commonName(issuer),
    validTo: row.notAfter.toISOString(),
  };
}

/** The candidate's view of their sandbox as it is now (refused before the exam starts). */
export async function loadPracticeView(db: Db, attemptId: string, now: Date): Promise<TPracticeView> {
  const record = await loadSandbox(db, attemptId);
  const closed = practiceClosed(record, now);
  return practiceView({
    state: record.state,
    scenario: record.scenario,
    seq: record.seq,
    closed,
    certificate: await candidateCertificateInfo(db, record),
  });
}
