import type { TDistinguishedName } from './x509-name';

/**
 * A candidate's certificate subject: the full name as CN, and the candidate number (số báo danh) as UID
 * "SBD:<number>" in the style of Vietnamese CAs' "UID=CMND:…", so a signature names its candidate.
 */
export function candidateSubject(opts: {
  fullName: string;
  candidateNumber: string;
  organization?: string;
}): TDistinguishedName {
  return {
    country: 'VN',
    organization: opts.organization,
    commonName: opts.fullName.normalize('NFC').trim(),
    uid: `SBD:${opts.candidateNumber.trim()}`,
  };
}

/** An agency seal certificate's subject: the agency as CN, its parent body (if any) as O. */
export function agencySubject(opts: {
  agencyName: string;
  parentName?: string;
  province?: string;
}): TDistinguishedName {
  return {
    country: 'VN',
    province: opts.province,
    organization: opts.parentName,
    commonName: opts.agencyName.normalize('NFC').trim(),
  };
}
