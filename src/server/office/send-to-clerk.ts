import { randomUUID } from 'node:crypto';
import { sendToClerk } from '../../core/office/clerk';
import { outgoing } from '../../core/office/signing';
import type { SandboxState } from '../../core/office/state';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { practiceFiles } from '../db/schema';
import type { TPdfVerification } from '../signing/verification-result';
import { ensureAgencyCertificate } from './agency-certificate';
import { readContestCaCertificate } from './contest-ca-store';
import { dateLine, numberLine } from './document-text';
import { runPdfTask } from './pdf-pool-run';
import { fileRow, latestRevision, layoutOf } from './sandbox-files';
import { assertPracticeOpen, loadSandbox, staleSequence, storeState } from './sandbox-store';
import type { SecretBox } from './secret-box';
import { stampBoxes } from './signature-stamps';
import { stampIssueNumber } from './stamp-issue-number';

/** The agency's signature record of the issued document, now naming its certificate and file. */
function withAgencyFile(
  state: SandboxState,
  documentId: string,
  serial: string,
  fileRef: string,
): SandboxState {
  return {
    ...state,
    documents: state.documents.map((d) => {
      if (d.id !== documentId || d.direction !== 'outgoing') return d;
      const signatures = d.signatures.map((s, i) =>
        i === d.signatures.length - 1 && s.by === 'agency' ? { ...s, certificateSerial: serial, fileRef } : s,
      );
      return { ...d, signatures };
    }),
  };
}

/**
 * "Chuyển văn thư": the văn thư, played by the server, takes the document the candidate signed, gives
 * it the next number of the agency's series and today's date (the core, ND 30 Điều 15), writes them
 * into the PDF, seals it with the agency's certificate from the contest CA as a further incremental
 * update (the leader's signature stays valid), and delivers it to every recipient. The PDF work runs
 * on the PDF workers, outside any transaction; one short transaction stores the state and the issued
 * revision.
 */
export async function sendDraftToClerk(
  db: Db,
  box: SecretBox,
  input: { attemptId: string; expectedSeq: number; documentId: string; now: Date },
): Promise<{ seq: number; state: SandboxState; numberSymbol: string; verification: TPdfVerification }> {
  const record = await loadSandbox(db, input.attemptId);
  assertPracticeOpen(record, input.now);
  if (record.seq !== input.expectedSeq) throw staleSequence(record.seq);
  const next = sendToClerk(record.state, input.documentId, {
    now: input.now.toISOString(),
    newId: randomUUID,
  });
  const issued = outgoing(next, input.documentId);
  const { numberSymbol, issuedDate } = issued;
  if (!numberSymbol || !issuedDate) throw new Error('sendToClerk left the document without a number');

  const caPem = await readContestCaCertificate(db, record.contestId);
  const current = await latestRevision(db, input.attemptId, issued.fileId);
  if (!caPem || !current) throw new AppError('not_found', 'Không tìm thấy tệp của văn bản');
  const agency = await ensureAgencyCertificate(
    db,
    box,
    record.contestId,
    { name: record.state.agency.name, parentName: record.state.agency.parentName },
    input.now,
  );
  const layout = layoutOf(current);
  const slash = numberSymbol.indexOf('/');
  const numbered = layout
    ? await stampIssueNumber(current.data, layout, {
        number: numberLine(numberSymbol.slice(slash + 1), numberSymbol.slice(0, slash)),
        date: dateLine(record.state.agency.place, issuedDate),
      })
    : current.data;
  const { pdf: sealed, verification } = await runPdfTask('signVerified', {
    pdf: numbered,
    options: {
      signer: agency.key,
      signingTime: input.now,
      name: record.state.agency.name,
      reason: `Văn thư cấp số ${numberSymbol} và phát hành`,
      location: record.state.agency.place,
      ...(layout?.signature
        ? { appearance: { ...stampBoxes(layout.signature).agency, extraLines: [`Số: ${numberSymbol}`] } }
        : {}),
    },
    trusted: [caPem],
  });
  if (!verification.valid || verification.signatures.at(-1)?.certificateSerial !== agency.serial) {
    throw new AppError('internal_error', 'Văn thư chưa ký số được văn bản, vui lòng thử lại', {
      verification,
    });
  }

  const fileId = randomUUID();
  const state = withAgencyFile(next, input.documentId, agency.serial, fileId);
  const fileName = state.files.find((f) => f.id === issued.fileId)?.fileName ?? current.filename;
  const seq = await db.transaction(async (tx) => {
    const stored = await storeState(tx, input.attemptId, input.expectedSeq, state, input.now);
    await tx.insert(practiceFiles).values(
      fileRow({
        id: fileId,
        attemptId: input.attemptId,
        key: issued.fileId,
        revision: current.revision + 1,
        kind: 'issued',
        filename: fileName,
        mime: 'application/pdf',
        data: sealed,
        layout: current.layout,
        verification,
        createdAt: input.now,
      }),
    );
    return stored;
  });
  return { seq, state, numberSymbol, verification };
}
