import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPadesCms } from './build-cms';
import {
  OID_CONTENT_TYPE,
  OID_DATA,
  OID_MESSAGE_DIGEST,
  OID_SIGNED_DATA,
  OID_SIGNING_TIME,
} from './cms-attributes';
import { inspectCms } from './inspect-cms';
import { importSigningKey, parseCertificate, privateKeyDer } from './key-material';
import { signingFixture, type TSigningFixture } from './testing/fixtures';

const digest = new Uint8Array(createHash('sha256').update('Kế hoạch 224/KH-UBND').digest());

/** A CMS of the shape other signers produce: signing-time, no signing-certificate-v2, PKCS#1 v1.5. */
async function legacyCms(fx: TSigningFixture): Promise<Uint8Array> {
  const cert = parseCertificate(fx.candidate.certificatePem);
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID_DATA }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({
              type: OID_CONTENT_TYPE,
              values: [new asn1js.ObjectIdentifier({ value: OID_DATA })],
            }),
            new pkijs.Attribute({
              type: OID_MESSAGE_DIGEST,
              values: [new asn1js.OctetString({ valueHex: digest })],
            }),
            new pkijs.Attribute({
              type: OID_SIGNING_TIME,
              values: [new asn1js.UTCTime({ valueDate: new Date('2026-07-01T00:00:00Z') })],
            }),
          ],
        }),
      }),
    ],
    certificates: [cert],
  });
  const key = await importSigningKey(privateKeyDer(fx.candidate.privateKeyPem), 'RSASSA-PKCS1-v1_5');
  await signedData.sign(key, 0, 'SHA-256');
  const info = new pkijs.ContentInfo({ contentType: OID_SIGNED_DATA, content: signedData.toSchema(true) });
  return new Uint8Array(info.toSchema().toBER(false));
}

describe('inspectCms', () => {
  let fx: TSigningFixture;
  beforeAll(async () => {
    fx = await signingFixture();
  });

  it('reads our PAdES CMS: signer, digest, PSS signature, signing-certificate-v2, no signing-time', async () => {
    const cms = await buildPadesCms(digest, fx.candidateKey);
    // Zero padding after the DER, as in a /Contents placeholder, is ignored.
    const padded = new Uint8Array(cms.length + 100);
    padded.set(cms);
    const r = inspectCms(padded);
    expect(r).toMatchObject({
      digestAlgorithm: 'sha256',
      signatureAlgorithm: 'RSASSA-PSS',
      signatureVerified: true,
      hasSigningTime: false,
      hasSigningCertificateV2: true,
      signingCertificateMatches: true,
    });
    expect(Buffer.from(r.messageDigest!).equals(Buffer.from(digest))).toBe(true);
    expect(r.signer?.serialNumber.isEqual(parseCertificate(fx.candidate.certificatePem).serialNumber)).toBe(
      true,
    );
    expect(r.certificates).toHaveLength(2);
  });

  it('notices signing-time and a missing signing-certificate-v2 in other signers’ CMS', async () => {
    const r = inspectCms(await legacyCms(fx));
    expect(r).toMatchObject({
      signatureAlgorithm: 'RSASSA-PKCS1-v1_5',
      signatureVerified: true,
      hasSigningTime: true,
      hasSigningCertificateV2: false,
      signingCertificateMatches: false,
    });
  });

  it('fails the signature when a signature byte changes, and reads garbage as an error', async () => {
    const cms = await buildPadesCms(digest, fx.candidateKey);
    // The RSA signature is the last OCTET STRING of the structure: flip a byte near the end.
    cms[cms.length - 10]! ^= 0xff;
    expect(inspectCms(cms).signatureVerified).toBe(false);
    expect(inspectCms(new Uint8Array([1, 2, 3])).error).toBeDefined();
  });
});
