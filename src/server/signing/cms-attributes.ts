/** CMS / ESS object identifiers used by the PAdES baseline profile. */
export const OID_DATA = '1.2.840.113549.1.7.1';
export const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
export const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
export const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
/** Forbidden in PAdES baseline signatures (ETSI EN 319 142-1 Table 1): the time goes in /M. */
export const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';
/** ESS signing-certificate-v2 (RFC 5035), required by PAdES baseline. */
export const OID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';
export const OID_SHA256 = '2.16.840.1.101.3.4.2.1';
export const OID_RSA_PSS = '1.2.840.113549.1.1.10';
