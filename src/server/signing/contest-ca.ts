import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import {
  generateRsaKey,
  importSigningKey,
  parseCertificate,
  parsePublicKeyInfo,
  privateKeyDer,
} from './key-material';
import { toPem } from './pem';
import {
  authorityKeyIdExtension,
  basicConstraintsExtension,
  KEY_USAGE,
  keyIdentifier,
  keyUsageExtension,
  subjectKeyIdExtension,
} from './x509-extensions';
import { buildName, type TDistinguishedName } from './x509-name';

/**
 * A certificate with its private key, ready to store: DER and PEM of both. The private key is plain
 * PKCS#8; whoever stores it encrypts it.
 */
export interface TCertifiedKey {
  certificateDer: Uint8Array;
  certificatePem: string;
  privateKeyDer: Uint8Array;
  privateKeyPem: string;
  /** Certificate serial number, upper-case hex. */
  serialNumber: string;
}

/** The CA as stored: its certificate and PKCS#8 private key, PEM or DER. */
export interface TCaKeyMaterial {
  certificate: string | Uint8Array;
  privateKey: string | Uint8Array;
}

interface TValidity {
  notBefore: Date;
  notAfter: Date;
  /** RSA modulus length, at least 2048 (default 2048). */
  keyBits?: number;
  /** Positive serial number bytes; 16 random bytes when left out. */
  serialNumber?: Uint8Array;
}

/**
 * A self-signed contest CA (exam-only: real VGCA tokens never reach exam PCs, domain §6): RSA,
 * SHA-256, basicConstraints CA with pathLen 0, keyUsage keyCertSign + cRLSign. The name may be
 * Vietnamese; it is written as UTF8String.
 */
export async function createContestCa(
  opts: TValidity & { name: TDistinguishedName },
): Promise<TCertifiedKey> {
  const name = buildName(opts.name);
  checkValidity(opts);
  const keys = await generateRsaKey(opts.keyBits);
  const cert = baseCertificate(opts, name, keys.publicKeyDer);
  const keyId = keyIdentifier(cert.subjectPublicKeyInfo);
  cert.extensions = [
    basicConstraintsExtension(true),
    keyUsageExtension([KEY_USAGE.keyCertSign, KEY_USAGE.cRLSign]),
    subjectKeyIdExtension(keyId),
  ];
  cert.issuer = cert.subject;
  await cert.sign(await importSigningKey(keys.privateKeyDer, 'RSASSA-PKCS1-v1_5'), 'SHA-256');
  return certifiedKey(cert, keys.privateKeyDer);
}

/**
 * An end-entity signing certificate issued by the contest CA: a candidate's (CN = full name, UID tied
 * to the candidate number) or an agency's seal certificate. keyUsage digitalSignature +
 * nonRepudiation, no extendedKeyUsage (NSS then accepts it for document signing).
 */
export async function issueSigningCertificate(
  opts: TValidity & { ca: TCaKeyMaterial; subject: TDistinguishedName },
): Promise<TCertifiedKey> {
  const caCert = parseCertificate(opts.ca.certificate);
  const subject = buildName(opts.subject);
  checkValidity(opts);
  const keys = await generateRsaKey(opts.keyBits);
  const cert = baseCertificate(opts, subject, keys.publicKeyDer);
  // The issuer is the CA's subject byte for byte (pkijs keeps the decoded encoding), so NSS and
  // openssl match it without re-normalising Vietnamese text.
  cert.issuer = caCert.subject;
  cert.extensions = [
    basicConstraintsExtension(false),
    keyUsageExtension([KEY_USAGE.digitalSignature, KEY_USAGE.nonRepudiation]),
    subjectKeyIdExtension(keyIdentifier(cert.subjectPublicKeyInfo)),
    authorityKeyIdExtension(keyIdentifier(caCert.subjectPublicKeyInfo)),
  ];
  const caKey = await importSigningKey(privateKeyDer(opts.ca.privateKey), 'RSASSA-PKCS1-v1_5');
  await cert.sign(caKey, 'SHA-256');
  return certifiedKey(cert, keys.privateKeyDer);
}

function baseCertificate(
  opts: TValidity,
  subject: pkijs.RelativeDistinguishedNames,
  publicKeyDer: Uint8Array,
): pkijs.Certificate {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: positiveSerial(opts.serialNumber) });
  cert.notBefore = certificateTime(opts.notBefore);
  cert.notAfter = certificateTime(opts.notAfter);
  cert.subject = subject;
  cert.subjectPublicKeyInfo = parsePublicKeyInfo(publicKeyDer);
  return cert;
}

function checkValidity(opts: TValidity): void {
  if (!(opts.notBefore < opts.notAfter)) throw new Error('notBefore must precede notAfter');
  if ((opts.keyBits ?? 2048) < 2048) throw new Error('RSA keys must be at least 2048 bits');
}

/** RFC 5280: UTCTime through 2049, GeneralizedTime from 2050; whole seconds. */
function certificateTime(date: Date): pkijs.Time {
  const value = new Date(Math.floor(date.getTime() / 1000) * 1000);
  return new pkijs.Time({ type: value.getUTCFullYear() < 2050 ? 0 : 1, value });
}

/** A DER INTEGER must be positive and at most 20 bytes: clear the top bit, never all zeros. */
function positiveSerial(given?: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(given ?? randomBytes(16));
  if (bytes.length === 0 || bytes.length > 20) throw new Error('Serial number must be 1–20 bytes');
  bytes[0]! &= 0x7f;
  if (bytes.every((b) => b === 0)) bytes[bytes.length - 1] = 1;
  // Keep DER minimal: a leading zero byte is only allowed before a byte with its top bit set.
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0 && bytes[start + 1]! < 0x80) start++;
  return bytes.slice(start);
}

function certifiedKey(cert: pkijs.Certificate, keyDer: Uint8Array): TCertifiedKey {
  const certificateDer = new Uint8Array(cert.toSchema(true).toBER(false));
  return {
    certificateDer,
    certificatePem: toPem(certificateDer, 'CERTIFICATE'),
    privateKeyDer: keyDer,
    privateKeyPem: toPem(keyDer, 'PRIVATE KEY'),
    serialNumber: Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString('hex').toUpperCase(),
  };
}
