import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { readCandidatePins } from './candidate-pins';
import { loadSandbox } from './sandbox-store';
import { seedPracticeSandbox } from './seed-practice-sandbox';
import { sendDraftToClerk } from './send-to-clerk';
import { signDraft } from './sign-draft';
import { createPracticeKit } from './testing';

/**
 * Set OFFICE_SIGN_BENCH=<attempts> to time seeding, "ký số" and "chuyển văn thư" per attempt on PGlite, one
 * attempt after another (skipped otherwise): `OFFICE_SIGN_BENCH=20 npx vitest run src/server/office/practice-bench.test.ts`.
 */
const ATTEMPTS = Number(process.env.OFFICE_SIGN_BENCH ?? 0);

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

describe('signing and the văn thư, timed', () => {
  it.runIf(ATTEMPTS > 0)(`per attempt, ${ATTEMPTS} attempts`, { timeout: 900_000 }, async () => {
    const kit = await createPracticeKit('pglite', { candidates: ATTEMPTS, start: new Date().toISOString() });
    try {
      const pins = await readCandidatePins(kit.db, kit.box, kit.contestId);
      const seed: number[] = [];
      const sign: number[] = [];
      const clerk: number[] = [];
      for (const c of kit.candidates) {
        const s = performance.now();
        await seedPracticeSandbox(kit.db, {
          attemptId: c.attemptId,
          scenarioCode: 'cantho-2022-quan',
          now: kit.clock.now,
        });
        seed.push(performance.now() - s);
      }
      for (const c of kit.candidates) {
        const record = await loadSandbox(kit.db, c.attemptId);
        const documentId = record.state.documents.find((d) => d.key === 'qd-to-cong-tac-cds')!.id;
        let t = performance.now();
        const signed = await signDraft(kit.db, kit.box, {
          attemptId: c.attemptId,
          expectedSeq: record.seq,
          documentId,
          pin: pins.get(c.id)!,
          now: kit.clock.advance(1),
        });
        sign.push(performance.now() - t);
        t = performance.now();
        await sendDraftToClerk(kit.db, kit.box, {
          attemptId: c.attemptId,
          expectedSeq: signed.seq,
          documentId,
          now: kit.clock.advance(1),
        });
        clerk.push(performance.now() - t);
      }
      // The first văn thư step also issues the agency's certificate: reported apart.
      const first = clerk.shift()!;
      const line = (name: string, list: number[]) => {
        const sorted = [...list].sort((a, b) => a - b);
        return `${name} median ${quantile(sorted, 0.5).toFixed(0)} ms, p90 ${quantile(sorted, 0.9).toFixed(0)} ms`;
      };
      console.info(
        `[pglite] ${ATTEMPTS} attempts: ${line('seed', seed)}; ${line('ký số', sign)}; ${line('chuyển văn thư', clerk)}; ` +
          `first văn thư step (with the agency certificate) ${first.toFixed(0)} ms`,
      );
      expect(sign).toHaveLength(ATTEMPTS);
    } finally {
      await kit.close();
    }
  });
});
