import { X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { certificateDer } from './inspect-cms';

/** Whether the signer certificate leads to a trusted CA, and whether the path was valid at a time. */
export interface TChainCheck {
  /** Every link is signed by the next and the last by a trusted certificate. */
  trusted: boolean;
  /** Every certificate of the path (the trusted one included) was within its validity at `at`. */
  validAt: boolean;
  /** The signer certificate allows signing (keyUsage digitalSignature or nonRepudiation, when present). */
  keyUsageOk: boolean;
}

const MAX_DEPTH = 5;

/**
 * Builds a path from the signer through the certificates the signature carries to one of the trusted
 * certificates, checking each signature with node:crypto. Revocation is not checked: the contest CA
 * publishes no CRL or OCSP.
 */
export function checkChain(
  signer: pkijs.Certificate,
  carried: pkijs.Certificate[],
  trusted: X509Certificate[],
  at: Date | null,
): TChainCheck {
  const x509 = (c: pkijs.Certificate) => new X509Certificate(Buffer.from(certificateDer(c)));
  const leaf = x509(signer);
  const pool = carried.map(x509);
  const path: X509Certificate[] = [leaf];
  let anchored = trusted.some((t) => t.raw.equals(leaf.raw));
  let current = leaf;
  while (!anchored && path.length <= MAX_DEPTH) {
    const anchor = trusted.find((t) => issuedBy(current, t));
    if (anchor) {
      path.push(anchor);
      anchored = true;
      break;
    }
    const next = pool.find((p) => p.ca && !path.some((q) => q.raw.equals(p.raw)) && issuedBy(current, p));
    if (!next) break;
    path.push(next);
    current = next;
  }
  const validAt = at !== null && path.every((c) => new Date(c.validFrom) <= at && at <= new Date(c.validTo));
  return { trusted: anchored, validAt, keyUsageOk: keyUsageAllowsSigning(signer) };
}

function issuedBy(child: X509Certificate, parent: X509Certificate): boolean {
  try {
    return parent.ca && child.checkIssued(parent) && child.verify(parent.publicKey);
  } catch {
    return false;
  }
}

/** keyUsage has digitalSignature (bit 0) or nonRepudiation (bit 1); no extension means no limit. */
function keyUsageAllowsSigning(cert: pkijs.Certificate): boolean {
  const ext = cert.extensions?.find((e) => e.extnID === '2.5.29.15');
  if (!ext) return true;
  const bits = asn1js.fromBER(ext.extnValue.valueBlock.valueHexView).result;
  if (!(bits instanceof asn1js.BitString)) return false;
  const first = bits.valueBlock.valueHexView[0] ?? 0;
  return (first & 0xc0) !== 0;
}
