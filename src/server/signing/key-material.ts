import { generateKeyPair, webcrypto } from 'node:crypto';
import { promisify } from 'node:util';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { fromPem, toArrayBuffer } from './pem';

const generate = promisify(generateKeyPair);

/** An RSA key pair as DER: PKCS#8 private key, SubjectPublicKeyInfo public key. */
export interface TRsaKeyDer {
  privateKeyDer: Uint8Array;
  publicKeyDer: Uint8Array;
}

/**
 * A new RSA key (e = 65537). Generated on libuv's thread pool, so issuing hundreds of candidate
 * certificates does not block the event loop.
 */
export async function generateRsaKey(bits = 2048): Promise<TRsaKeyDer> {
  if (bits < 2048) throw new Error('RSA keys must be at least 2048 bits');
  const { privateKey, publicKey } = await generate('rsa', {
    modulusLength: bits,
    publicExponent: 0x10001,
    privateKeyEncoding: { type: 'pkcs8', format: 'der' },
    publicKeyEncoding: { type: 'spki', format: 'der' },
  });
  return { privateKeyDer: new Uint8Array(privateKey), publicKeyDer: new Uint8Array(publicKey) };
}

export type TRsaScheme = 'RSA-PSS' | 'RSASSA-PKCS1-v1_5';

/** The PKCS#8 RSA key as a WebCrypto signing key for pkijs, with SHA-256 and the chosen padding. */
export function importSigningKey(pkcs8: Uint8Array, scheme: TRsaScheme): Promise<CryptoKey> {
  return webcrypto.subtle.importKey('pkcs8', toArrayBuffer(pkcs8), { name: scheme, hash: 'SHA-256' }, false, [
    'sign',
  ]) as Promise<CryptoKey>;
}

/** PKCS#8 DER from PEM ("PRIVATE KEY") or DER bytes. */
export function privateKeyDer(key: string | Uint8Array): Uint8Array {
  return typeof key === 'string' ? fromPem(key, 'PRIVATE KEY') : key;
}

/** A certificate parsed by pkijs from PEM or DER. */
export function parseCertificate(cert: string | Uint8Array): pkijs.Certificate {
  const der = typeof cert === 'string' ? fromPem(cert, 'CERTIFICATE') : cert;
  const asn1 = asn1js.fromBER(toArrayBuffer(der));
  if (asn1.offset === -1) throw new Error('Certificate is not valid DER');
  return new pkijs.Certificate({ schema: asn1.result });
}

/** The SubjectPublicKeyInfo DER as a pkijs object. */
export function parsePublicKeyInfo(spkiDer: Uint8Array): pkijs.PublicKeyInfo {
  return new pkijs.PublicKeyInfo({ schema: asn1js.fromBER(toArrayBuffer(spkiDer)).result });
}
