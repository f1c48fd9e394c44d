import { runPdfTask } from './pdf-pool-run';
import type { DocumentLayout } from './render-document-pdf';
import { issueNumberTargets } from './render-issue-number';

/**
 * Writes the number and the date the văn thư gave a signed draft into its blank "Số:" and date lines,
 * as locked FreeText annotations in an incremental update: the leader's signature stays valid (it
 * covers its own revision) and the agency's seal, signed next, covers the number. Lines without a
 * place on the page (a file not rendered here) are left out. Embedding the font subset takes a few
 * hundred milliseconds, so it runs on the PDF workers, not on the thread serving the exam.
 */
export async function stampIssueNumber(
  pdf: Uint8Array,
  layout: DocumentLayout,
  lines: { number: string; date: string },
): Promise<Uint8Array> {
  if (issueNumberTargets(layout, lines).length === 0) return pdf;
  return runPdfTask('issueNumber', { pdf, layout, lines });
}
