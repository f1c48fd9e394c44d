import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContestCa, issueSigningCertificate, type TCertifiedKey } from './contest-ca';
import { parseCertificate } from './key-material';
import { fromPem } from './pem';
import { readName } from './x509-name';

const CA_CN = 'CA Hội thi năng lực số – TP. Cần Thơ';
const CA_O = 'Ủy ban nhân dân thành phố Cần Thơ';
const FROM = new Date('2026-06-01T00:00:00Z');
const UNTIL = new Date('2026-12-31T23:59:59Z');

/** keyUsage bits of a certificate, read with asn1js from the raw extension (bit 0 = digitalSignature). */
function keyUsageBits(pem: string): number[] {
  const ext = parseCertificate(pem).extensions?.find((e) => e.extnID === '2.5.29.15');
  const bits = asn1js.fromBER(ext!.extnValue.valueBlock.valueHexView).result as asn1js.BitString;
  const bytes = bits.valueBlock.valueHexView;
  return [...Array(bytes.length * 8 - bits.valueBlock.unusedBits).keys()].filter(
    (i) => (bytes[i >> 3]! & (0x80 >> (i & 7))) !== 0,
  );
}

describe('contest CA', () => {
  let ca: TCertifiedKey;
  let candidate: TCertifiedKey;
  let agency: TCertifiedKey;

  beforeAll(async () => {
    ca = await createContestCa({
      name: { country: 'VN', organization: CA_O, commonName: CA_CN },
      notBefore: FROM,
      notAfter: new Date('2027-06-01T00:00:00Z'),
    });
    const caKey = { certificate: ca.certificatePem, privateKey: ca.privateKeyDer };
    candidate = await issueSigningCertificate({
      ca: caKey,
      subject: { country: 'VN', commonName: 'Đặng Quốc Việt', uid: 'SBD:TS0123', serialNumber: 'TS0123' },
      notBefore: FROM,
      notAfter: UNTIL,
      serialNumber: new Uint8Array([0x01, 0x23]),
    });
    agency = await issueSigningCertificate({
      ca: caKey,
      subject: { country: 'VN', organization: CA_O, commonName: 'Văn phòng UBND thành phố Cần Thơ' },
      notBefore: FROM,
      notAfter: UNTIL,
    });
  });

  it('is a self-signed RSA-2048 SHA-256 CA with keyCertSign and cRLSign', () => {
    const x = new X509Certificate(ca.certificatePem);
    expect(x.ca).toBe(true);
    expect(x.checkIssued(x)).toBe(true);
    expect(x.verify(x.publicKey)).toBe(true);
    expect(x.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    // keyCertSign is bit 5, cRLSign bit 6 (RFC 5280 §4.2.1.3).
    expect(keyUsageBits(ca.certificatePem)).toEqual([5, 6]);
  });

  it('writes Vietnamese names as UTF8String and reads them back', () => {
    const der = Buffer.from(fromPem(ca.certificatePem, 'CERTIFICATE'));
    // The CN as a DER UTF8String (tag 0x0c, length, UTF-8 bytes) must be in the certificate verbatim.
    const utf8 = Buffer.from(CA_CN, 'utf8');
    expect(der.includes(Buffer.concat([Buffer.from([0x0c, utf8.length]), utf8]))).toBe(true);
    expect(readName(parseCertificate(candidate.certificatePem).subject)).toEqual({
      country: 'VN',
      commonName: 'Đặng Quốc Việt',
      uid: 'SBD:TS0123',
      serialNumber: 'TS0123',
    });
    expect(readName(parseCertificate(candidate.certificatePem).issuer).commonName).toBe(CA_CN);
    // node's own parser agrees.
    expect(new X509Certificate(candidate.certificatePem).subject).toContain('CN=Đặng Quốc Việt');
  });

  it('issues signing certificates that chain to the CA, for the validity given', () => {
    const caX = new X509Certificate(ca.certificatePem);
    for (const issued of [candidate, agency]) {
      const x = new X509Certificate(issued.certificatePem);
      expect(x.ca).toBe(false);
      expect(x.checkIssued(caX)).toBe(true);
      expect(x.verify(caX.publicKey)).toBe(true);
      expect(new Date(x.validFrom).toISOString()).toBe(FROM.toISOString());
      expect(new Date(x.validTo).toISOString()).toBe(UNTIL.toISOString());
      // digitalSignature (0) and nonRepudiation (1).
      expect(keyUsageBits(issued.certificatePem)).toEqual([0, 1]);
    }
    expect(candidate.serialNumber).toBe('0123');
    expect(new X509Certificate(candidate.certificatePem).serialNumber).toBe('0123');
    expect(agency.serialNumber).not.toBe(candidate.serialNumber);
  });

  it('exports a PKCS#8 key that matches the certificate', () => {
    expect(candidate.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const fromPemKey = createPublicKey(createPrivateKey(candidate.privateKeyPem));
    const fromDerKey = createPublicKey(
      createPrivateKey({ key: Buffer.from(candidate.privateKeyDer), format: 'der', type: 'pkcs8' }),
    );
    const certKey = new X509Certificate(candidate.certificateDer).publicKey;
    expect(fromPemKey.equals(certKey)).toBe(true);
    expect(fromDerKey.equals(certKey)).toBe(true);
  });

  it('refuses short keys, reversed validity and non-printable serialNumber attributes', async () => {
    const caKey = { certificate: ca.certificatePem, privateKey: ca.privateKeyPem };
    await expect(
      issueSigningCertificate({
        ca: caKey,
        subject: { commonName: 'A' },
        notBefore: FROM,
        notAfter: UNTIL,
        keyBits: 1024,
      }),
    ).rejects.toThrow(/2048/);
    await expect(
      issueSigningCertificate({ ca: caKey, subject: { commonName: 'A' }, notBefore: UNTIL, notAfter: FROM }),
    ).rejects.toThrow(/notBefore/);
    await expect(
      issueSigningCertificate({
        ca: caKey,
        subject: { commonName: 'A', serialNumber: 'Số 1' },
        notBefore: FROM,
        notAfter: UNTIL,
      }),
    ).rejects.toThrow(/PrintableString/);
  });
});
