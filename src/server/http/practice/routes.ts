import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZPracticeActionRequest,
  ZPracticeClerkRequest,
  ZPracticeClerkResponse,
  ZPracticeFileParams,
  ZPracticeFileQuery,
  ZPracticeSignRequest,
  ZPracticeSignResponse,
  ZPracticeUpload,
  ZPracticeView,
} from '../../../contracts/practice';
import { pinAttemptsLeft } from '../../../core/office/signing';
import { sniffEvidence } from '../../files/sniff-evidence';
import { applyAction } from '../../office/apply-action';
import { readSandboxFile } from '../../office/read-sandbox-file';
import { loadSandbox } from '../../office/sandbox-store';
import { sendDraftToClerk } from '../../office/send-to-clerk';
import { signDraft } from '../../office/sign-draft';
import { storeUpload } from '../../office/store-upload';
import { requireCandidate } from '../exam/candidate-access';
import { readUploadedFile } from '../upload';
import { candidateAttemptId, loadPracticeView, practiceClosed } from './candidate-sandbox';
import { contentDisposition } from './content-disposition';
import { recordOpenedAttachment } from './record-opened-attachment';
import { sandboxAction } from './sandbox-action';

const CANDIDATE = { roles: 'candidate_login', unitScope: 'none' } as const;
const tags = ['exam'];

/**
 * The candidate's practice part: their view of the e-office and webmail sandbox, what they do in it,
 * signing, the văn thư, files and uploads. Every answer is for this candidate's own attempt only.
 */
export async function practiceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // The sandbox changes with every action and holds the candidate's work: never from a cache.
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
  });
  const attemptOf = (req: Parameters<typeof requireCandidate>[0]) =>
    candidateAttemptId(app.db, requireCandidate(req).candidateId);

  r.get(
    '/api/exam/practice',
    {
      config: { access: CANDIDATE },
      schema: {
        tags,
        summary: 'Phần thực hành: hộp thư, văn bản, thiết bị ký số',
        response: { 200: ZPracticeView },
      },
    },
    async (req) => loadPracticeView(app.db, await attemptOf(req), app.clock()),
  );

  r.post(
    '/api/exam/practice/actions',
    {
      config: { access: CANDIDATE },
      schema: {
        tags,
        summary: 'Thao tác trên hộp thư hoặc văn bản (theo số thứ tự trạng thái)',
        body: ZPracticeActionRequest,
        response: { 200: ZPracticeView },
      },
    },
    async (req) => {
      const attemptId = await attemptOf(req);
      const now = app.clock();
      await applyAction(app.db, {
        attemptId,
        expectedSeq: req.body.seq,
        action: sandboxAction(req.body.action),
        now,
      });
      return loadPracticeView(app.db, attemptId, now);
    },
  );

  r.post(
    '/api/exam/practice/sign',
    {
      config: { access: CANDIDATE },
      schema: {
        tags,
        summary: 'Ký số văn bản dự thảo bằng mã PIN',
        body: ZPracticeSignRequest,
        response: { 200: ZPracticeSignResponse },
      },
    },
    async (req) => {
      const attemptId = await attemptOf(req);
      const now = app.clock();
      const result = await signDraft(app.db, app.secretBox, {
        attemptId,
        expectedSeq: req.body.seq,
        documentId: req.body.documentId,
        pin: req.body.pin,
        now,
      });
      return {
        signed: result.signed,
        attemptsLeft: result.signed ? pinAttemptsLeft(result.state) : result.attemptsLeft,
        locked: result.state.token.locked,
        view: await loadPracticeView(app.db, attemptId, now),
      };
    },
  );

  r.post(
    '/api/exam/practice/send-to-clerk',
    {
      config: { access: CANDIDATE },
      schema: {
        tags,
        summary: 'Chuyển văn thư cấp số, đóng dấu và phát hành',
        body: ZPracticeClerkRequest,
        response: { 200: ZPracticeClerkResponse },
      },
    },
    async (req) => {
      const attemptId = await attemptOf(req);
      const now = app.clock();
      const issued = await sendDraftToClerk(app.db, app.secretBox, {
        attemptId,
        expectedSeq: req.body.seq,
        documentId: req.body.documentId,
        now,
      });
      return { numberSymbol: issued.numberSymbol, view: await loadPracticeView(app.db, attemptId, now) };
    },
  );

  r.get(
    '/api/exam/practice/files/:fileId',
    {
      config: { access: CANDIDATE },
      schema: {
        tags,
        summary: 'Mở hoặc tải tệp của phần thực hành',
        params: ZPracticeFileParams,
        querystring: ZPracticeFileQuery,
      },
    },
    async (req, reply) => {
      const attemptId = await attemptOf(req);
      const { fileId } = req.params;
      const { mail } = req.query;
      const now = app.clock();
      const record = await loadSandbox(app.db, attemptId);
      // Refuses before the start; once the attempt is over the file is still served, nothing recorded.
      const closed = practiceClosed(record, now);
      if (mail && !closed) await recordOpenedAttachment(app.db, record, { mailId: mail, fileId, now });
      const file = await readSandboxFile(app.db, attemptId, fileId);
      const pdf = file.mediaType === 'application/pdf';
      return reply
        .header('content-type', file.mediaType)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', contentDisposition(pdf ? 'inline' : 'attachment', file.fileName))
        .send(file.data);
    },
  );

  r.post(
    '/api/exam/practice/uploads',
    {
      config: { access: CANDIDATE },
      schema: {
        tags,
        summary: 'Tải lên tệp để đính kèm thư',
        consumes: ['multipart/form-data'],
        response: { 200: ZPracticeUpload },
      },
    },
    async (req) => {
      const attemptId = await attemptOf(req);
      const { data, filename } = await readUploadedFile(req, 'tệp đính kèm');
      // The type is judged from the bytes and stored as judged, never as the browser claimed.
      const type = sniffEvidence(data, filename);
      const stored = await storeUpload(app.db, {
        attemptId,
        fileName: filename,
        mediaType: type.mime,
        data,
        now: app.clock(),
      });
      return { ref: stored.ref, fileName: stored.fileName, mediaType: stored.mediaType, size: stored.size };
    },
  );
}
