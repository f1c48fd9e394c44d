import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { practiceCertificates } from '../db/schema';
import type { SecretBox } from './secret-box';

/**
 * The signing PINs of a contest's candidates (all, or those listed), by candidate id, for printing
 * on the credential slips next to the password. Candidates without a certificate are left out.
 */
export async function readCandidatePins(
  db: Db,
  box: SecretBox,
  contestId: string,
  candidateIds?: string[],
): Promise<Map<string, string>> {
  const rows = await db
    .select({ candidateId: practiceCertificates.candidateId, pinSealed: practiceCertificates.pinSealed })
    .from(practiceCertificates)
    .where(
      and(
        eq(practiceCertificates.contestId, contestId),
        eq(practiceCertificates.kind, 'candidate'),
        candidateIds ? inArray(practiceCertificates.candidateId, candidateIds) : undefined,
      ),
    );
  return new Map(
    rows
      .filter((r) => r.candidateId && r.pinSealed)
      .map((r) => [r.candidateId!, box.open(r.pinSealed!).toString('utf8')]),
  );
}
