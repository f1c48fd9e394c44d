import { eq } from 'drizzle-orm';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { contests, practiceCas } from '../db/schema';
import { createContestCa } from '../signing/contest-ca';
import type { SecretBox } from './secret-box';

/** The contest CA with its key opened, ready to issue certificates. */
export interface ContestCa {
  certificatePem: string;
  privateKeyDer: Uint8Array;
  serial: string;
  notAfter: Date;
}

const DAY_MS = 86_400_000;
/** X.520 caps a common name at 64 characters. */
const MAX_CN = 64;

/** The contest's CA certificate (PEM), or null before any certificate was issued. */
export async function readContestCaCertificate(db: Db, contestId: string): Promise<string | null> {
  const [row] = await db
    .select({ pem: practiceCas.certificatePem })
    .from(practiceCas)
    .where(eq(practiceCas.contestId, contestId));
  return row?.pem ?? null;
}

/**
 * The contest's exam-only CA, created on first use (valid from a day before `now` for three years).
 * Two instances racing both make a key; the first stored wins and both use it.
 */
export async function ensureContestCa(
  db: Db,
  box: SecretBox,
  contestId: string,
  now: Date,
): Promise<ContestCa> {
  const read = async () => {
    const [row] = await db.select().from(practiceCas).where(eq(practiceCas.contestId, contestId));
    return row;
  };
  let row = await read();
  if (!row) {
    const [contest] = await db
      .select({ name: contests.name, year: contests.year })
      .from(contests)
      .where(eq(contests.id, contestId));
    if (!contest) throw new AppError('contest_not_found', 'Không tìm thấy kỳ thi');
    const notBefore = new Date(now.getTime() - DAY_MS);
    const notAfter = new Date(now.getTime() + 3 * 365 * DAY_MS);
    const ca = await createContestCa({
      name: {
        country: 'VN',
        organization: 'Ban Tổ chức Hội thi năng lực số',
        commonName: `CA ${contest.name.normalize('NFC')} ${contest.year}`.slice(0, MAX_CN).trim(),
      },
      notBefore,
      notAfter,
    });
    await db
      .insert(practiceCas)
      .values({
        contestId,
        certificatePem: ca.certificatePem,
        privateKeySealed: box.seal(ca.privateKeyDer),
        serial: ca.serialNumber,
        notBefore,
        notAfter,
      })
      .onConflictDoNothing();
    row = await read();
  }
  return {
    certificatePem: row!.certificatePem,
    privateKeyDer: new Uint8Array(box.open(row!.privateKeySealed)),
    serial: row!.serial,
    notAfter: row!.notAfter,
  };
}
