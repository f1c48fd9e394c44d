import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { practiceCertificates } from '../db/schema';

/** A candidate's exam certificate in the contest (its sealed key and PIN included); undefined until issued. */
export async function findCandidateCertificate(
  db: Db,
  who: { contestId: string; candidateId: string },
): Promise<typeof practiceCertificates.$inferSelect | undefined> {
  const [row] = await db
    .select()
    .from(practiceCertificates)
    .where(
      and(
        eq(practiceCertificates.contestId, who.contestId),
        eq(practiceCertificates.candidateId, who.candidateId),
        eq(practiceCertificates.kind, 'candidate'),
      ),
    );
  return row;
}
