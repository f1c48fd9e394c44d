import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { practiceCertificates } from '../db/schema';
import type { TSignerKey } from '../signing/build-cms';
import { issueSigningCertificate } from '../signing/contest-ca';
import { agencySubject } from '../signing/signer-subjects';
import { ensureContestCa } from './contest-ca-store';
import type { SecretBox } from './secret-box';

const DAY_MS = 86_400_000;

export interface AgencySigner {
  key: TSignerKey;
  serial: string;
}

/**
 * The seal certificate of a scenario's agency (the văn thư's key device), issued by the contest CA on
 * first use and shared by every attempt of the contest that plays that agency.
 */
export async function ensureAgencyCertificate(
  db: Db,
  box: SecretBox,
  contestId: string,
  agency: { name: string; parentName?: string },
  now: Date,
): Promise<AgencySigner> {
  const subjectName = agency.name.normalize('NFC').trim();
  const read = async () => {
    const [row] = await db
      .select()
      .from(practiceCertificates)
      .where(
        and(
          eq(practiceCertificates.contestId, contestId),
          eq(practiceCertificates.kind, 'agency'),
          eq(practiceCertificates.subjectName, subjectName),
        ),
      );
    return row;
  };
  const ca = await ensureContestCa(db, box, contestId, now);
  let row = await read();
  if (!row) {
    const notBefore = new Date(now.getTime() - DAY_MS);
    const notAfter = new Date(Math.min(now.getTime() + 2 * 365 * DAY_MS, ca.notAfter.getTime()));
    const cert = await issueSigningCertificate({
      ca: { certificate: ca.certificatePem, privateKey: ca.privateKeyDer },
      subject: agencySubject({ agencyName: subjectName, parentName: agency.parentName }),
      notBefore,
      notAfter,
    });
    await db
      .insert(practiceCertificates)
      .values({
        contestId,
        kind: 'agency',
        subjectName,
        certificatePem: cert.certificatePem,
        privateKeySealed: box.seal(cert.privateKeyDer),
        serial: cert.serialNumber,
        notBefore,
        notAfter,
      })
      .onConflictDoNothing();
    row = await read();
  }
  return {
    key: {
      certificate: row!.certificatePem,
      privateKey: new Uint8Array(box.open(row!.privateKeySealed)),
      chain: [ca.certificatePem],
    },
    serial: row!.serial,
  };
}
