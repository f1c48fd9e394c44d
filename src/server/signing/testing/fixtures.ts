import type { TSignerKey } from '../build-cms';
import { createContestCa, issueSigningCertificate, type TCertifiedKey } from '../contest-ca';
import { agencySubject, candidateSubject } from '../signer-subjects';

/** The contest CA and two signers as the practice part uses them: a candidate and the agency seal. */
export interface TSigningFixture {
  ca: TCertifiedKey;
  candidate: TCertifiedKey;
  agency: TCertifiedKey;
  candidateKey: TSignerKey;
  agencyKey: TSignerKey;
}

export const CA_NAME = 'CA Hội thi năng lực số – TP. Cần Thơ';
export const CANDIDATE_NAME = 'Đặng Quốc Việt';
export const AGENCY_NAME = 'Văn phòng UBND thành phố Cần Thơ';

/** Certificates valid from 01/06/2026 to 31/12/2026 (UTC), CA for one year. */
export async function signingFixture(): Promise<TSigningFixture> {
  const from = new Date('2026-06-01T00:00:00Z');
  const ca = await createContestCa({
    name: { country: 'VN', organization: 'Ủy ban nhân dân thành phố Cần Thơ', commonName: CA_NAME },
    notBefore: from,
    notAfter: new Date('2027-06-01T00:00:00Z'),
  });
  const caKey = { certificate: ca.certificatePem, privateKey: ca.privateKeyPem };
  const until = new Date('2026-12-31T00:00:00Z');
  const candidate = await issueSigningCertificate({
    ca: caKey,
    subject: candidateSubject({ fullName: CANDIDATE_NAME, candidateNumber: 'TS0123' }),
    notBefore: from,
    notAfter: until,
  });
  const agency = await issueSigningCertificate({
    ca: caKey,
    subject: agencySubject({ agencyName: AGENCY_NAME, parentName: 'Ủy ban nhân dân thành phố Cần Thơ' }),
    notBefore: from,
    notAfter: until,
  });
  const key = (c: TCertifiedKey): TSignerKey => ({
    certificate: c.certificatePem,
    privateKey: c.privateKeyPem,
    chain: [ca.certificatePem],
  });
  return { ca, candidate, agency, candidateKey: key(candidate), agencyKey: key(agency) };
}
