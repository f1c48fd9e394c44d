import type {
  TPracticeAction,
  TPracticeClerkResponse,
  TPracticeSignResponse,
  TPracticeUpload,
  TPracticeView,
} from '../../../contracts/practice';
import { examCall } from '../api';

/** The practice part's calls (`/api/exam/practice/*`). */
export const practiceApi = {
  view: () => examCall<TPracticeView>('GET', 'practice'),
  act: (seq: number, action: TPracticeAction) =>
    examCall<TPracticeView>('POST', 'practice/actions', { seq, action }),
  sign: (seq: number, documentId: string, pin: string) =>
    examCall<TPracticeSignResponse>('POST', 'practice/sign', { seq, documentId, pin }),
  sendToClerk: (seq: number, documentId: string) =>
    examCall<TPracticeClerkResponse>('POST', 'practice/send-to-clerk', { seq, documentId }),
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return examCall<TPracticeUpload>('POST', 'practice/uploads', form);
  },
};

/** Where a file of the sandbox opens; through a mail, the server records that its attachment was opened. */
export function fileUrl(fileId: string, mailId?: string): string {
  const base = `/api/exam/practice/files/${encodeURIComponent(fileId)}`;
  return mailId ? `${base}?mail=${encodeURIComponent(mailId)}` : base;
}
