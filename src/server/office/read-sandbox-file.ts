import { and, eq } from 'drizzle-orm';
import { normaliseAddress } from '../../core/office/helpers';
import type { SandboxFile, SandboxState } from '../../core/office/state';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { practiceFiles, practiceSandboxes } from '../db/schema';
import { latestRevision } from './sandbox-files';

export interface SandboxFileBytes {
  fileName: string;
  mediaType: string;
  data: Buffer;
  sha256: string;
  /** 0 as seeded or uploaded, 1 signed by the candidate, 2 numbered and sealed by the văn thư. */
  revision: number;
}

/**
 * A file the candidate may see: a document of their e-office, something they uploaded, or an
 * attachment of a mail in their own mailbox (other mailboxes' copies are not theirs).
 */
function visible(state: SandboxState, fileId: string): SandboxFile | undefined {
  const file = state.files.find((f) => f.id === fileId);
  if (file?.source !== 'seed') return file;
  const own = normaliseAddress(state.candidate.email);
  return state.mails.some(
    (m) => normaliseAddress(m.owner) === own && m.attachments.some((a) => a.fileId === fileId),
  )
    ? file
    : undefined;
}

/**
 * The current bytes of a sandbox file of this attempt (a document's newest revision), under the name
 * the sandbox gives it now. Reading changes nothing: the route records an opened attachment with the
 * `open_attachment` action.
 */
export async function readSandboxFile(db: Db, attemptId: string, fileId: string): Promise<SandboxFileBytes> {
  const [sandbox] = await db
    .select({ state: practiceSandboxes.state })
    .from(practiceSandboxes)
    .where(eq(practiceSandboxes.attemptId, attemptId));
  const file = sandbox && visible(sandbox.state, fileId);
  if (!file) throw new AppError('not_found', 'Không tìm thấy tệp');
  let row = null;
  if (file.uploadRef) {
    [row] = await db
      .select()
      .from(practiceFiles)
      .where(and(eq(practiceFiles.attemptId, attemptId), eq(practiceFiles.id, file.uploadRef)));
  } else {
    row = await latestRevision(db, attemptId, file.id);
  }
  if (!row) throw new AppError('not_found', 'Không tìm thấy tệp');
  return {
    fileName: file.fileName,
    mediaType: row.mime,
    data: row.data,
    sha256: row.sha256,
    revision: row.revision,
  };
}
