import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { queryRows } from '../db/sql-rows';
import { issueCandidateCertificates } from '../office/issue-candidate-certificates';
import type { SecretBox } from '../office/secret-box';

/** Keys made per run: about a second of the thread pool, so logins meanwhile are not held up. */
export const CERTIFICATES_PER_RUN = 6;

/**
 * One run of the certificate job: issues exam certificates and PINs, a few at a time, to candidates of
 * open contests with a practice scenario who have none yet, so printing the credential slips later is
 * a lookup rather than half a second of key generation per candidate. Issuing never gives a candidate
 * two certificates, so instances running it together only share the work.
 */
export async function issuePendingCertificates(
  db: Db,
  box: SecretBox,
  now: Date,
  limit = CERTIFICATES_PER_RUN,
): Promise<{ issued: number }> {
  const due = await queryRows<{ contestId: string }>(
    db,
    sql`select k.id as "contestId" from contests k
        where k.status = 'open' and coalesce(k.rules->>'practiceScenario', '') <> ''
          and exists (select 1 from candidates c where c.contest_id = k.id
                        and not exists (select 1 from practice_certificates p where p.contest_id = k.id
                                          and p.candidate_id = c.id and p.kind = 'candidate'))
        order by k.created_at, k.id`,
  );
  let issued = 0;
  for (const { contestId } of due) {
    if (issued >= limit) break;
    const result = await issueCandidateCertificates(db, box, contestId, { now, limit: limit - issued });
    issued += result.issued;
  }
  return { issued };
}
