import { signPdf, type TSignPdfOptions } from '../signing/sign-pdf';
import type { TPdfVerification } from '../signing/verification-result';
import { verifyPdf } from '../signing/verify-pdf';

export interface SignVerifiedInput {
  pdf: Uint8Array;
  options: TSignPdfOptions;
  /** PEM certificates the signed result must chain to (the contest CA). */
  trusted: string[];
}

/**
 * Signs a PDF (PAdES, with its visible stamp) and verifies the result: the work of the candidate's
 * "ký số" and of the văn thư's seal. Signing and verifying hold a thread for up to a few hundred
 * milliseconds (pdf-lib, the stamp's font, RSA, the CMS check), so both are PDF-worker tasks.
 */
export async function signVerified(
  input: SignVerifiedInput,
): Promise<{ pdf: Uint8Array; verification: TPdfVerification }> {
  const pdf = await signPdf(input.pdf, input.options);
  return { pdf, verification: await verifyPdf(pdf, { trusted: input.trusted }) };
}

/** Verifies a signed PDF against trusted certificates (the grader's check of each outgoing document). */
export function verifySigned(input: { pdf: Uint8Array; trusted: string[] }): Promise<TPdfVerification> {
  return verifyPdf(input.pdf, { trusted: input.trusted });
}
