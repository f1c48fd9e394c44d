import { X509Certificate } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password';
import { practiceCas, practiceCertificates } from '../db/schema';
import { PopplerBench } from '../signing/testing/tools';
import { dbKinds } from '../testing/test-db';
import { readCandidatePins } from './candidate-pins';
import { issueCandidateCertificates } from './issue-candidate-certificates';
import { createPracticeKit, type PracticeKit } from './testing';

/** Set OFFICE_CERT_BENCH=300 to time a contest of that many candidates (skipped otherwise). */
const BENCH = Number(process.env.OFFICE_CERT_BENCH ?? 0);

describe.each(dbKinds())('certificates for a contest’s candidates (%s)', (kind) => {
  let kit: PracticeKit;

  beforeAll(async () => {
    kit = await createPracticeKit(kind, { candidates: 5, certificates: false });
  });
  afterAll(() => kit?.close());

  it('issues the CA once, then a certificate and a PIN per candidate, resuming where a batch stopped', async () => {
    const first = await issueCandidateCertificates(kit.db, kit.box, kit.contestId, {
      now: kit.clock.now,
      limit: 2,
    });
    expect(first).toMatchObject({ issued: 2, remaining: 3 });
    // Stored two at a time while other keys are still being made: none may be lost between chunks.
    const rest = await issueCandidateCertificates(kit.db, kit.box, kit.contestId, {
      now: kit.clock.now,
      storeChunk: 2,
      concurrency: 3,
    });
    expect(rest).toMatchObject({ issued: 3, remaining: 0 });
    const again = await issueCandidateCertificates(kit.db, kit.box, kit.contestId, { now: kit.clock.now });
    expect(again).toMatchObject({ issued: 0, remaining: 0 });
    expect(
      await kit.db.select().from(practiceCas).where(eq(practiceCas.contestId, kit.contestId)),
    ).toHaveLength(1);
    console.info(
      `[${kind}] 5 certificates in ${first.elapsedMs + rest.elapsedMs} ms (two batches, CA included)`,
    );
  });

  it('stores keys sealed, certificates that chain to the CA for openssl, and PINs that match their hashes', async () => {
    const [ca] = await kit.db.select().from(practiceCas).where(eq(practiceCas.contestId, kit.contestId));
    const rows = await kit.db
      .select()
      .from(practiceCertificates)
      .where(eq(practiceCertificates.contestId, kit.contestId));
    expect(rows).toHaveLength(kit.candidates.length);
    const pins = await readCandidatePins(kit.db, kit.box, kit.contestId);
    const bench = new PopplerBench(ca!.certificatePem);
    try {
      const caFile = bench.file('ca.pem', Buffer.from(ca!.certificatePem));
      for (const row of rows) {
        const candidate = kit.candidates.find((c) => c.id === row.candidateId)!;
        expect(row.privateKeySealed).not.toContain('PRIVATE KEY');
        expect(row.privateKeySealed.startsWith('v1.')).toBe(true);
        const cert = new X509Certificate(row.certificatePem);
        expect(cert.subject).toContain(`UID=SBD:${candidate.number}`);
        // The stored serial keeps DER's sign byte (a leading 00 when the top bit is set); Node drops it.
        const digits = (hex: string) => hex.toUpperCase().replace(/^(00)+/, '');
        expect(digits(cert.serialNumber)).toBe(digits(row.serial));
        const leaf = bench.file('leaf.pem', Buffer.from(row.certificatePem));
        // At the kit's time (2022): the certificates are issued for the contest's date, not today's.
        const at = String(Math.floor(kit.clock.now.getTime() / 1000));
        expect(bench.openssl(['verify', '-attime', at, '-CAfile', caFile, leaf]).output).toContain(
          'leaf.pem: OK',
        );
        // The sealed key is the certificate's: it signs what the certificate's public key verifies.
        const { createPrivateKey, sign, verify } = await import('node:crypto');
        const key = createPrivateKey({
          key: kit.box.open(row.privateKeySealed),
          format: 'der',
          type: 'pkcs8',
        });
        const signature = sign('sha256', Buffer.from('ký thử'), key);
        expect(verify('sha256', Buffer.from('ký thử'), cert.publicKey, signature)).toBe(true);
        const pin = pins.get(candidate.id)!;
        expect(await verifyPassword(pin, row.pinHash!)).toBe(true);
      }
    } finally {
      bench.close();
    }
  });

  it.runIf(BENCH > 0)(`times ${BENCH} candidates`, { timeout: 900_000 }, async () => {
    const big = await createPracticeKit(kind, { candidates: BENCH, certificates: false });
    try {
      const result = await issueCandidateCertificates(big.db, big.box, big.contestId, { now: big.clock.now });
      expect(result.issued).toBe(BENCH);
      console.info(
        `[${kind}] ${BENCH} certificates: ${(result.elapsedMs / 1000).toFixed(1)} s, ` +
          `${(result.elapsedMs / BENCH).toFixed(0)} ms each (CA included)`,
      );
    } finally {
      await big.close();
    }
  });
});
