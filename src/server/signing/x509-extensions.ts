import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** keyUsage bits as numbered in RFC 5280 §4.2.1.3. */
export const KEY_USAGE = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyCertSign: 5,
  cRLSign: 6,
} as const;

/** A critical keyUsage extension with the given bits set, DER-minimal (trailing zero bits unused). */
export function keyUsageExtension(bits: number[]): pkijs.Extension {
  const last = Math.max(...bits);
  const bytes = new Uint8Array(Math.floor(last / 8) + 1);
  for (const bit of bits) bytes[bit >> 3]! |= 0x80 >> (bit & 7);
  const value = new asn1js.BitString({ valueHex: bytes, unusedBits: 7 - (last & 7) });
  return new pkijs.Extension({ extnID: '2.5.29.15', critical: true, extnValue: value.toBER(false) });
}

/** A critical basicConstraints extension: cA with pathLen 0 for the CA, an empty one (cA FALSE) otherwise. */
export function basicConstraintsExtension(cA: boolean): pkijs.Extension {
  const bc = new pkijs.BasicConstraints(cA ? { cA: true, pathLenConstraint: 0 } : {});
  return new pkijs.Extension({ extnID: '2.5.29.19', critical: true, extnValue: bc.toSchema().toBER(false) });
}

/** RFC 5280 method 1 key identifier: SHA-1 of the subjectPublicKey bits. */
export function keyIdentifier(spki: pkijs.PublicKeyInfo): Uint8Array {
  const bits = spki.subjectPublicKey.valueBlock.valueHexView;
  return new Uint8Array(createHash('sha1').update(bits).digest());
}

export function subjectKeyIdExtension(keyId: Uint8Array): pkijs.Extension {
  const value = new asn1js.OctetString({ valueHex: keyId });
  return new pkijs.Extension({ extnID: '2.5.29.14', extnValue: value.toBER(false) });
}

export function authorityKeyIdExtension(keyId: Uint8Array): pkijs.Extension {
  const aki = new pkijs.AuthorityKeyIdentifier({
    keyIdentifier: new asn1js.OctetString({ valueHex: keyId }),
  });
  return new pkijs.Extension({ extnID: '2.5.29.35', extnValue: aki.toSchema().toBER(false) });
}
