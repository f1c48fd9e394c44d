import { constants, createHash, createPublicKey, verify } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import {
  OID_MESSAGE_DIGEST,
  OID_RSA_PSS,
  OID_SIGNED_DATA,
  OID_SIGNING_CERTIFICATE_V2,
  OID_SIGNING_TIME,
} from './cms-attributes';
import { toArrayBuffer } from './pem';

const HASHES: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const RSA_PKCS1: Record<string, string | null> = {
  '1.2.840.113549.1.1.1': null, // rsaEncryption: the hash is the signer's digest algorithm
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
};
const ECDSA: Record<string, string> = {
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};

/** What a detached CMS SignedData says about itself, checked without the signed document. */
export interface TCmsInspection {
  signer: pkijs.Certificate | null;
  certificates: pkijs.Certificate[];
  /** Node's name for the digest algorithm ("sha256"), or null when unknown. */
  digestAlgorithm: string | null;
  messageDigest: Uint8Array | null;
  signatureAlgorithm: 'RSASSA-PSS' | 'RSASSA-PKCS1-v1_5' | 'ECDSA' | 'unknown';
  /** The signature over the signed attributes verifies with the signer certificate's key. */
  signatureVerified: boolean;
  hasSigningTime: boolean;
  hasSigningCertificateV2: boolean;
  /** signing-certificate-v2's hash names the certificate that signed (false when the attribute is absent). */
  signingCertificateMatches: boolean;
  /** Why the CMS could not be read, when it could not. */
  error?: string;
}

const EMPTY: TCmsInspection = {
  signer: null,
  certificates: [],
  digestAlgorithm: null,
  messageDigest: null,
  signatureAlgorithm: 'unknown',
  signatureVerified: false,
  hasSigningTime: false,
  hasSigningCertificateV2: false,
  signingCertificateMatches: false,
};

/** Parses a CMS ContentInfo (trailing zero padding allowed) and checks its one signer. */
export function inspectCms(der: Uint8Array): TCmsInspection {
  let signedData: pkijs.SignedData;
  try {
    const asn1 = asn1js.fromBER(toArrayBuffer(der));
    if (asn1.offset === -1) return { ...EMPTY, error: 'CMS is not valid BER' };
    const info = new pkijs.ContentInfo({ schema: asn1.result });
    if (info.contentType !== OID_SIGNED_DATA) return { ...EMPTY, error: 'CMS is not SignedData' };
    signedData = new pkijs.SignedData({ schema: info.content });
  } catch (e) {
    return { ...EMPTY, error: e instanceof Error ? e.message : String(e) };
  }
  const certificates = (signedData.certificates ?? []).filter((c) => c instanceof pkijs.Certificate);
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo || signedData.signerInfos.length !== 1) {
    return { ...EMPTY, certificates, error: 'Expected exactly one SignerInfo' };
  }
  const signer = findSigner(signerInfo, certificates);
  const digestAlgorithm = HASHES[signerInfo.digestAlgorithm.algorithmId] ?? null;
  const attrs = signerInfo.signedAttrs?.attributes ?? [];
  const attr = (oid: string) => attrs.find((a) => a.type === oid);
  const md = attr(OID_MESSAGE_DIGEST)?.values[0];
  const v2 = attr(OID_SIGNING_CERTIFICATE_V2)?.values[0];
  const algorithm = signerInfo.signatureAlgorithm.algorithmId;
  return {
    signer,
    certificates,
    digestAlgorithm,
    messageDigest: md instanceof asn1js.OctetString ? new Uint8Array(md.valueBlock.valueHexView) : null,
    signatureAlgorithm:
      algorithm === OID_RSA_PSS
        ? 'RSASSA-PSS'
        : algorithm in RSA_PKCS1
          ? 'RSASSA-PKCS1-v1_5'
          : algorithm in ECDSA
            ? 'ECDSA'
            : 'unknown',
    signatureVerified: !!signer && !!digestAlgorithm && verifySignerInfo(signerInfo, signer, digestAlgorithm),
    hasSigningTime: !!attr(OID_SIGNING_TIME),
    hasSigningCertificateV2: !!v2,
    signingCertificateMatches: !!signer && !!v2 && certHashMatches(v2, signer),
  };
}

/** DER of a certificate as pkijs re-encodes it (the bytes it was parsed from, for DER input). */
export function certificateDer(cert: pkijs.Certificate): Uint8Array {
  return new Uint8Array(cert.toSchema().toBER(false));
}

function findSigner(info: pkijs.SignerInfo, certs: pkijs.Certificate[]): pkijs.Certificate | null {
  const sid = info.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return (
      certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) ?? null
    );
  }
  // subjectKeyIdentifier [0]: match the certificate's SKI extension.
  const ski = (sid as asn1js.Primitive).valueBlock?.valueHexView;
  if (!ski) return null;
  return (
    certs.find((c) => {
      const ext = c.extensions?.find((e) => e.extnID === '2.5.29.14');
      const value = ext ? asn1js.fromBER(ext.extnValue.valueBlock.valueHexView).result : null;
      return value instanceof asn1js.OctetString && Buffer.from(value.valueBlock.valueHexView).equals(ski);
    }) ?? null
  );
}

/** Verifies the signature over the DER SET OF signed attributes with node:crypto. */
function verifySignerInfo(info: pkijs.SignerInfo, signer: pkijs.Certificate, digest: string): boolean {
  if (!info.signedAttrs) return false; // PAdES always signs attributes; content-only CMS is not ours
  const data = new Uint8Array(info.signedAttrs.encodedValue);
  const signature = new Uint8Array(info.signature.valueBlock.valueHexView);
  try {
    const key = createPublicKey({
      key: Buffer.from(signer.subjectPublicKeyInfo.toSchema().toBER(false)),
      format: 'der',
      type: 'spki',
    });
    const alg = info.signatureAlgorithm;
    if (alg.algorithmId === OID_RSA_PSS) {
      const params = new pkijs.RSASSAPSSParams({ schema: alg.algorithmParams });
      const hash = HASHES[params.hashAlgorithm.algorithmId];
      const mgfHash = params.maskGenAlgorithm.algorithmParams
        ? HASHES[
            new pkijs.AlgorithmIdentifier({ schema: params.maskGenAlgorithm.algorithmParams }).algorithmId
          ]
        : 'sha1';
      // node:crypto uses the message hash for MGF1 as well; other combinations are not supported.
      if (!hash || hash !== mgfHash) return false;
      return verify(
        hash,
        data,
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: params.saltLength },
        signature,
      );
    }
    if (alg.algorithmId in RSA_PKCS1) {
      const hash = RSA_PKCS1[alg.algorithmId] ?? digest;
      return verify(hash, data, { key, padding: constants.RSA_PKCS1_PADDING }, signature);
    }
    const ecHash = ECDSA[alg.algorithmId];
    if (ecHash) return verify(ecHash, data, { key, dsaEncoding: 'der' }, signature);
    return false;
  } catch {
    return false;
  }
}

/** ESSCertIDv2.certHash (SHA-256 unless an algorithm is named) equals the signer certificate's hash. */
function certHashMatches(value: unknown, signer: pkijs.Certificate): boolean {
  try {
    const certs = (value as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
    const first = certs.valueBlock.value[0] as asn1js.Sequence;
    let [head, next] = first.valueBlock.value;
    let hash = 'sha256';
    if (head instanceof asn1js.Sequence) {
      hash = HASHES[new pkijs.AlgorithmIdentifier({ schema: head }).algorithmId] ?? '';
      head = next;
    }
    if (!hash || !(head instanceof asn1js.OctetString)) return false;
    const expected = createHash(hash).update(certificateDer(signer)).digest();
    return expected.equals(head.valueBlock.valueHexView);
  } catch {
    return false;
  }
}
