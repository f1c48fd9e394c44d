import { randomInt } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../auth/password';
import type { Db } from '../db/client';
import { practiceCertificates } from '../db/schema';
import { queryRows } from '../db/sql-rows';
import { issueSigningCertificate } from '../signing/contest-ca';
import { candidateSubject } from '../signing/signer-subjects';
import { type ContestCa, ensureContestCa } from './contest-ca-store';
import type { SecretBox } from './secret-box';

/**
 * Keys at once. RSA key generation runs on libuv's thread pool (4 threads by default): one per core,
 * at most 3, so a thread stays free for the scrypt of candidates logging in meanwhile.
 */
const DEFAULT_CONCURRENCY = Math.min(3, availableParallelism());
/** Certificates stored per transaction: short transactions keep PGlite answering the exam meanwhile. */
const STORE_CHUNK = 25;
const DAY_MS = 86_400_000;

export interface IssueCertificatesResult {
  issued: number;
  /** Candidates (of the contest, or of `candidateIds`) still without a certificate when `limit` stopped the batch. */
  remaining: number;
  elapsedMs: number;
}

interface Waiting {
  id: string;
  number: string;
  fullName: string;
  unitName: string;
}

/**
 * A six-digit PIN for the signing dialog, as on a VGCA token. The candidate reads it on the credential
 * slip (`readCandidatePins`); the server keeps its scrypt hash to check it and a sealed copy to print
 * the slip again.
 */
export function newPin(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

async function issueOne(box: SecretBox, ca: ContestCa, c: Waiting, contestId: string, now: Date) {
  const notBefore = new Date(now.getTime() - DAY_MS);
  const notAfter = new Date(Math.min(now.getTime() + 2 * 365 * DAY_MS, ca.notAfter.getTime()));
  const cert = await issueSigningCertificate({
    ca: { certificate: ca.certificatePem, privateKey: ca.privateKeyDer },
    subject: candidateSubject({ fullName: c.fullName, candidateNumber: c.number, organization: c.unitName }),
    notBefore,
    notAfter,
  });
  const pin = newPin();
  return {
    contestId,
    kind: 'candidate' as const,
    candidateId: c.id,
    subjectName: c.fullName.normalize('NFC').trim(),
    certificatePem: cert.certificatePem,
    privateKeySealed: box.seal(cert.privateKeyDer),
    serial: cert.serialNumber,
    pinHash: await hashPassword(pin, 'one_sitting'),
    pinSealed: box.seal(pin),
    notBefore,
    notAfter,
  };
}

/**
 * Issues an exam certificate and PIN to every candidate of the contest who has none (the CA first, once
 * per contest). Each key takes about half a second, so this is a batch for a job: `limit` bounds one
 * run, and running it again continues where it stopped; a candidate never gets two certificates.
 */
export async function issueCandidateCertificates(
  db: Db,
  box: SecretBox,
  contestId: string,
  opts: {
    now: Date;
    limit?: number;
    /** Only these candidates (of the contest), e.g. those whose credential slips are being printed. */
    candidateIds?: string[];
    concurrency?: number;
    storeChunk?: number;
  },
): Promise<IssueCertificatesResult> {
  const started = performance.now();
  if (opts.candidateIds?.length === 0) return { issued: 0, remaining: 0, elapsedMs: 0 };
  const ca = await ensureContestCa(db, box, contestId, opts.now);
  const only = opts.candidateIds
    ? sql`and c.id in (${sql.join(
        opts.candidateIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const waiting = await queryRows<Waiting>(
    db,
    sql`select c.id, c.number, c.full_name as "fullName", c.unit_name as "unitName"
        from candidates c
        where c.contest_id = ${contestId} ${only}
          and not exists (select 1 from practice_certificates p
                          where p.contest_id = c.contest_id and p.candidate_id = c.id and p.kind = 'candidate')
        order by c.number`,
  );
  const batch = opts.limit === undefined ? waiting : waiting.slice(0, opts.limit);
  let issued = 0;
  let next = 0;
  let pending: Awaited<ReturnType<typeof issueOne>>[] = [];
  const flush = async () => {
    const rows = pending;
    pending = [];
    if (rows.length === 0) return;
    const stored = await db
      .insert(practiceCertificates)
      .values(rows)
      .onConflictDoNothing()
      .returning({ id: practiceCertificates.id });
    issued += stored.length;
  };
  const worker = async () => {
    while (next < batch.length) {
      const candidate = batch[next++]!;
      // Not `pending.push(await …)`: that reads `pending` before the await, and a flush meanwhile
      // would swap the array and lose the row.
      const row = await issueOne(box, ca, candidate, contestId, opts.now);
      pending.push(row);
      if (pending.length >= (opts.storeChunk ?? STORE_CHUNK)) await flush();
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? DEFAULT_CONCURRENCY }, worker));
  await flush();
  return {
    issued,
    remaining: waiting.length - batch.length,
    elapsedMs: Math.round(performance.now() - started),
  };
}
