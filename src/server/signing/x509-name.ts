import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** A certificate subject or issuer. Text is NFC-normalised and written as UTF8String. */
export interface TDistinguishedName {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  locality?: string;
  province?: string;
  /** Two letters ("VN"); PrintableString as RFC 5280 requires. */
  country?: string;
  /** Identifier in the style of Vietnamese CAs ("UID=CMND:…"), here e.g. "SBD:TS0123". */
  uid?: string;
  /** X.520 serialNumber attribute: PrintableString, so ASCII letters, digits and a few marks only. */
  serialNumber?: string;
}

const OID = {
  country: '2.5.4.6',
  province: '2.5.4.8',
  locality: '2.5.4.7',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  commonName: '2.5.4.3',
  uid: '0.9.2342.19200300.100.1.1',
  serialNumber: '2.5.4.5',
} as const satisfies Record<keyof TDistinguishedName, string>;

const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

/**
 * The DER name, most general attribute first as Vietnamese CAs write it. Every text attribute is a
 * UTF8String: a PrintableString or T61String holding Vietnamese corrupts the certificate (domain §9).
 */
export function buildName(name: TDistinguishedName): pkijs.RelativeDistinguishedNames {
  const sets: asn1js.Set[] = [];
  for (const key of Object.keys(OID) as (keyof TDistinguishedName)[]) {
    const raw = name[key];
    if (raw === undefined || raw === '') continue;
    const text = raw.normalize('NFC');
    let value: asn1js.Utf8String | asn1js.PrintableString;
    if (key === 'country' || key === 'serialNumber') {
      if (!PRINTABLE.test(text)) throw new Error(`${key} must be PrintableString: ${text}`);
      value = new asn1js.PrintableString({ value: text });
    } else {
      value = new asn1js.Utf8String({ value: text });
    }
    const atv = new pkijs.AttributeTypeAndValue({ type: OID[key], value });
    sets.push(new asn1js.Set({ value: [atv.toSchema()] }));
  }
  // One attribute per RDN (C=…, O=…, CN=…), not one multi-valued RDN as pkijs builds by default. Parsed
  // back from DER so pkijs keeps these exact bytes whenever it writes the name again.
  const der = new asn1js.Sequence({ value: sets }).toBER(false);
  return new pkijs.RelativeDistinguishedNames({ schema: asn1js.fromBER(der).result });
}

/** The name's attributes read back (any string type), keyed as in TDistinguishedName. */
export function readName(rdn: pkijs.RelativeDistinguishedNames): Partial<TDistinguishedName> {
  const out: Partial<TDistinguishedName> = {};
  for (const tv of rdn.typesAndValues) {
    const key = (Object.keys(OID) as (keyof TDistinguishedName)[]).find((k) => OID[k] === tv.type);
    const block = tv.value.valueBlock as { value?: unknown };
    if (key && typeof block.value === 'string') out[key] = block.value;
  }
  return out;
}
