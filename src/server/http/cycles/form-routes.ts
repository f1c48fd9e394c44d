import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAssigneeInput,
  ZEntryParams,
  ZEntrySave,
  ZEvidenceInput,
  ZExplanationInput,
  ZHistoryEntry,
  ZResubmitInput,
  ZUnitForm,
  ZUnitParams,
} from '../../../contracts/cycles';
import { AppError } from '../../../core/shared/app-error';
import { actorOf } from '../../audit';
import { announceReturned } from '../../cycle/announce';
import { loadCycle } from '../../cycle/cycle-context';
import { entryHistory } from '../../cycle/entry-history';
import { addEvidence, deleteEvidence, readEvidenceFile, type UploadedFile } from '../../cycle/evidence';
import { resubmitEntries, setExplanation } from '../../cycle/explain-entry';
import { saveEntry } from '../../cycle/save-entry';
import { setAssignee } from '../../cycle/set-assignee';
import { submitUnit } from '../../cycle/submit-unit';
import { buildUnitForm } from '../../cycle/unit-form';
import { maxSizeText } from '../../files/file-size';
import { access, assertIndicatorReadable, FORM_READERS, formReadScope } from './access';

const unit = { param: 'unitId' };
const REPORTERS = access(['reporter'], unit);

/** A multipart evidence upload: its text fields and its one file, read in whatever order they come. */
async function readEvidenceUpload(
  req: FastifyRequest,
): Promise<{ fields: Record<string, string>; file: UploadedFile | null }> {
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const data = await part.toBuffer();
      if (part.file.truncated) throw new AppError('file_too_large', `Tệp quá lớn (${maxSizeText()})`);
      file = { data, filename: part.filename };
    } else {
      fields[part.fieldname] = String(part.value ?? '');
    }
  }
  return { fields, file };
}

/** A unit's self-assessment: the form, draft saves, evidence, assignment, submission and explanations. */
export async function cycleFormRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cycles'];

  const form = async (req: FastifyRequest, id: string, unitId: string) => {
    const only = await formReadScope(app.db, req, id, unitId);
    const f = await buildUnitForm(app.db, await loadCycle(app.db, id), unitId, app.clock());
    return only ? { ...f, entries: f.entries.filter((e) => only.has(e.pillar)) } : f;
  };
  const write =
    <T>(fn: (ctx: Awaited<ReturnType<typeof loadCycle>>) => Promise<T>) =>
    async (req: FastifyRequest) => {
      const { id, unitId } = req.params as { id: string; unitId: string };
      await fn(await loadCycle(app.db, id));
      return form(req, id, unitId);
    };

  r.get(
    '/api/cycles/:id/units/:unitId/form',
    {
      config: access(FORM_READERS, unit),
      schema: {
        tags,
        summary: 'Phiếu tự đánh giá của đơn vị',
        params: ZUnitParams,
        response: { 200: ZUnitForm },
      },
    },
    (req) => form(req, req.params.id, req.params.unitId),
  );

  r.put(
    '/api/cycles/:id/units/:unitId/entries/:code',
    {
      config: REPORTERS,
      schema: {
        tags,
        summary: 'Lưu nháp một chỉ số',
        params: ZEntryParams,
        body: ZEntrySave,
        response: { 200: ZUnitForm },
      },
    },
    (req) =>
      write((ctx) =>
        saveEntry(app.db, actorOf(req), ctx, req.params.unitId, req.params.code, req.body, app.clock()),
      )(req),
  );

  r.put(
    '/api/cycles/:id/units/:unitId/entries/:code/assignee',
    {
      config: REPORTERS,
      schema: {
        tags,
        summary: 'Giao chỉ số cho cán bộ của đơn vị',
        params: ZEntryParams,
        body: ZAssigneeInput,
        response: { 200: ZUnitForm },
      },
    },
    (req) =>
      write((ctx) =>
        setAssignee(
          app.db,
          actorOf(req),
          ctx,
          req.params.unitId,
          req.params.code,
          req.body.userId,
          app.clock(),
        ),
      )(req),
  );

  r.post(
    '/api/cycles/:id/units/:unitId/entries/:code/evidence',
    {
      config: REPORTERS,
      schema: {
        tags,
        summary: 'Thêm minh chứng (tệp hoặc đường dẫn)',
        params: ZEntryParams,
        response: { 200: ZUnitForm },
      },
    },
    async (req) => {
      const upload = req.isMultipart()
        ? await readEvidenceUpload(req)
        : { fields: req.body as Record<string, unknown>, file: null };
      const parsed = ZEvidenceInput.safeParse({ ...upload.fields, url: upload.fields.url || null });
      if (!parsed.success) {
        const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new AppError('validation_failed', details[0]!.message, details);
      }
      const { unitId, code } = req.params;
      return write((ctx) =>
        addEvidence(app.db, actorOf(req), ctx, unitId, code, parsed.data, upload.file, app.clock()),
      )(req);
    },
  );

  r.delete(
    '/api/cycles/:id/units/:unitId/entries/:code/evidence/:evidenceId',
    {
      config: REPORTERS,
      schema: {
        tags,
        summary: 'Xóa minh chứng',
        params: ZEntryParams.extend({ evidenceId: z.uuid() }),
        response: { 200: ZUnitForm },
      },
    },
    (req) =>
      write((ctx) =>
        deleteEvidence(
          app.db,
          actorOf(req),
          ctx,
          req.params.unitId,
          req.params.code,
          req.params.evidenceId,
          app.clock(),
        ),
      )(req),
  );

  r.get(
    '/api/cycles/:id/units/:unitId/evidence/:evidenceId/file',
    {
      config: access(FORM_READERS, unit),
      schema: { tags, summary: 'Tải tệp minh chứng', params: ZUnitParams.extend({ evidenceId: z.uuid() }) },
    },
    async (req, reply) => {
      const only = await formReadScope(app.db, req, req.params.id, req.params.unitId);
      const file = await readEvidenceFile(app.db, req.params.id, req.params.unitId, req.params.evidenceId);
      await assertIndicatorReadable(app.db, only, req.params.id, req.params.unitId, file.code);
      return reply
        .header('content-type', file.mime)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .send(file.data);
    },
  );

  r.put(
    '/api/cycles/:id/units/:unitId/entries/:code/explanation',
    {
      config: REPORTERS,
      schema: {
        tags,
        summary: 'Giải trình chỉ số được yêu cầu bổ sung',
        params: ZEntryParams,
        body: ZExplanationInput,
        response: { 200: ZUnitForm },
      },
    },
    (req) =>
      write((ctx) =>
        setExplanation(
          app.db,
          actorOf(req),
          ctx,
          req.params.unitId,
          req.params.code,
          req.body.explanation,
          app.clock(),
        ),
      )(req),
  );

  r.post(
    '/api/cycles/:id/units/:unitId/submit',
    {
      config: REPORTERS,
      schema: { tags, summary: 'Nộp kết quả tự đánh giá', params: ZUnitParams, response: { 200: ZUnitForm } },
    },
    (req) => write((ctx) => submitUnit(app.db, actorOf(req), ctx, req.params.unitId, app.clock()))(req),
  );

  r.post(
    '/api/cycles/:id/units/:unitId/resubmit',
    {
      config: REPORTERS,
      schema: {
        tags,
        summary: 'Nộp lại các chỉ số đã giải trình, bổ sung',
        params: ZUnitParams,
        body: ZResubmitInput,
        response: { 200: ZUnitForm },
      },
    },
    (req) =>
      write(async (ctx) => {
        const codes = await resubmitEntries(
          app.db,
          actorOf(req),
          ctx,
          req.params.unitId,
          req.body.codes,
          app.clock(),
        );
        await announceReturned(app.db, ctx, req.params.unitId, codes);
      })(req),
  );

  r.get(
    '/api/cycles/:id/units/:unitId/entries/:code/history',
    {
      config: access(FORM_READERS, unit),
      schema: {
        tags,
        summary: 'Lịch sử thay đổi của chỉ số',
        params: ZEntryParams,
        response: { 200: z.object({ items: z.array(ZHistoryEntry) }) },
      },
    },
    async (req) => {
      const only = await formReadScope(app.db, req, req.params.id, req.params.unitId);
      await loadCycle(app.db, req.params.id);
      await assertIndicatorReadable(app.db, only, req.params.id, req.params.unitId, req.params.code);
      return { items: await entryHistory(app.db, req.params.id, req.params.unitId, req.params.code) };
    },
  );
}
