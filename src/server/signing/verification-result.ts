/**
 * What the verifier says about one signature, as plain JSON-compatible data (the practice grader in
 * src/core/office consumes it without knowing PDF or CMS).
 */
export interface TSignatureVerification {
  /** Fully qualified signature field name. */
  fieldName: string;
  /** Signer certificate's subject CN, e.g. "Đặng Quốc Việt"; null when no signer certificate was found. */
  signerName: string | null;
  /** Subject UID (e.g. "SBD:TS0123") and O, when the certificate has them. */
  signerUid: string | null;
  signerOrganization: string | null;
  /** Issuer CN of the signer certificate. */
  issuerName: string | null;
  /** Signer certificate serial number, upper-case hex. */
  certificateSerial: string | null;
  /** The claimed signing time from /M, ISO 8601 UTC; null when missing or unreadable. */
  signingTime: string | null;
  subFilter: string | null;
  /** RSASSA-PSS, RSASSA-PKCS1-v1_5, ECDSA or unknown. */
  signatureAlgorithm: string;
  /** /ByteRange starts at 0 and leaves out exactly the /Contents string of its revision. */
  byteRangeValid: boolean;
  /** The signed bytes hash to the CMS message-digest. */
  digestMatches: boolean;
  /** The CMS signature over its signed attributes verifies with the signer's key. */
  signatureVerified: boolean;
  /** The signer certificate chains to a trusted CA and allows signing. */
  certificateTrusted: boolean;
  /** Every certificate of the chain was valid at the claimed signing time. */
  certificateValidAtSigningTime: boolean;
  /** The signature covers the file as it is now; false when later revisions were appended. */
  coversWholeDocument: boolean;
  /** PAdES baseline shape: ETSI.CAdES.detached, signing-certificate-v2 present and matching, no CMS signing-time, /M present. */
  padesBaseline: boolean;
  hasSigningTimeAttribute: boolean;
  hasSigningCertificateV2: boolean;
  /** Integrity, signature, trust and validity all hold (later revisions do not make it invalid). */
  valid: boolean;
  /** Vietnamese explanations, one per finding. */
  messages: string[];
}

export interface TPdfVerification {
  /** At least one signature, and every signature valid. */
  valid: boolean;
  signatures: TSignatureVerification[];
  /** Document-level messages (unreadable file, no signature). */
  messages: string[];
}
