import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import {
  OID_CONTENT_TYPE,
  OID_DATA,
  OID_MESSAGE_DIGEST,
  OID_SIGNED_DATA,
  OID_SIGNING_CERTIFICATE_V2,
} from './cms-attributes';
import { importSigningKey, parseCertificate, privateKeyDer, type TRsaScheme } from './key-material';

/** Who signs: their certificate and PKCS#8 key, and the CA certificates to embed (PEM or DER). */
export interface TSignerKey {
  certificate: string | Uint8Array;
  privateKey: string | Uint8Array;
  chain: (string | Uint8Array)[];
}

/**
 * RSASSA-PSS (SHA-256, MGF1-SHA-256, salt 32), as the Vietnamese signing profile asks (domain §8) and as
 * the VGCA plug-in signs ("IsPss"). Poppler's pdfsig (NSS) validates it; PKCS#1 v1.5 stays available
 * for validators that do not.
 */
export const DEFAULT_RSA_SCHEME: TRsaScheme = 'RSA-PSS';

/**
 * A detached CMS SignedData over a SHA-256 digest, shaped for PAdES baseline B-B: signed attributes
 * content-type, message-digest and signing-certificate-v2, and deliberately no signing-time (the PDF's
 * /M carries the claimed time). Embeds the signer's certificate and its chain. Returns the
 * ContentInfo DER.
 */
export async function buildPadesCms(
  digest: Uint8Array,
  signer: TSignerKey,
  scheme: TRsaScheme = DEFAULT_RSA_SCHEME,
): Promise<Uint8Array> {
  const cert = parseCertificate(signer.certificate);
  const certDer = new Uint8Array(cert.toSchema(true).toBER(false));
  const attributes = [
    new pkijs.Attribute({
      type: OID_CONTENT_TYPE,
      values: [new asn1js.ObjectIdentifier({ value: OID_DATA })],
    }),
    new pkijs.Attribute({ type: OID_MESSAGE_DIGEST, values: [new asn1js.OctetString({ valueHex: digest })] }),
    new pkijs.Attribute({ type: OID_SIGNING_CERTIFICATE_V2, values: [signingCertificateV2(cert, certDer)] }),
  ];
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID_DATA }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: derSorted(attributes) }),
      }),
    ],
    certificates: [cert, ...signer.chain.map(parseCertificate)],
  });
  const key = await importSigningKey(privateKeyDer(signer.privateKey), scheme);
  await signedData.sign(key, 0, 'SHA-256');
  const contentInfo = new pkijs.ContentInfo({
    contentType: OID_SIGNED_DATA,
    content: signedData.toSchema(true),
  });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

/** DER orders a SET OF by the elements' encodings; signed attributes are a SET OF Attribute. */
function derSorted(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const keyed = attributes.map((a) => ({ a, der: Buffer.from(a.toSchema().toBER(false)) }));
  return keyed.sort((x, y) => Buffer.compare(x.der, y.der)).map((x) => x.a);
}

/**
 * SigningCertificateV2 { certs: [ESSCertIDv2 { certHash = SHA-256(cert), issuerSerial }] }. The hash
 * algorithm is left out: SHA-256 is its DER default.
 */
function signingCertificateV2(cert: pkijs.Certificate, certDer: Uint8Array): asn1js.Sequence {
  const hash = new Uint8Array(createHash('sha256').update(certDer).digest());
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        // GeneralNames with one directoryName [4], explicitly tagged.
        value: [
          new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] }),
        ],
      }),
      new asn1js.Integer({ valueHex: cert.serialNumber.valueBlock.valueHexView }),
    ],
  });
  const essCertId = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: hash }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] });
}
