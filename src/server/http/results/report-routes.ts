import { PassThrough, type Writable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZResultsParams, ZResultsUnitParams, ZResultsVersion } from '../../../contracts/results';
import type { Role } from '../../../core/shared/roles';
import { cycleReportPdf } from '../../exports/results/cycle-report-pdf';
import { modelDetails, publishedDetails } from '../../exports/results/detail-source';
import { writeDetailWorkbook } from '../../exports/results/detail-workbook';
import { safeFileName, versionTag } from '../../exports/results/format';
import { leagueByLevel } from '../../exports/results/league-data';
import { writeLeagueWorkbook } from '../../exports/results/league-workbook';
import { resolveVersion } from '../../exports/results/resolve-version';
import { scorecardOf } from '../../exports/results/scorecard-data';
import { scorecardPdf } from '../../exports/results/scorecard-pdf';
import { XLSX_MIME } from '../../files/workbook';
import { resultsFor } from '../../results/load-results';
import { requireSession } from '../access';
import { access, ORGANISERS } from '../cycles/access';
import { contentDisposition } from '../practice/content-disposition';
import { PROFILE_READERS, RESULTS_READERS } from './routes';

const tags = ['results'];
const ZReportQuery = z.object({ version: ZResultsVersion.optional() });

const mayPreview = (role: Role) => ORGANISERS.includes(role);

function download(reply: FastifyReply, type: string, fileName: string) {
  return reply
    .header('content-type', type)
    .header('cache-control', 'private, no-store')
    .header('content-disposition', contentDisposition('attachment', safeFileName(fileName)));
}

/**
 * Streams a workbook into the reply: everything that can refuse the request has run before, so an
 * error here can only cut the download short (the client sees a broken file, never a wrong one).
 */
function streamed(reply: FastifyReply, write: (out: Writable) => Promise<unknown>) {
  const out = new PassThrough();
  write(out).catch((e) => {
    reply.log.error(e, 'workbook export failed');
    out.destroy(e);
  });
  return reply.send(out);
}

/** Excel exports (league tables, per-indicator detail) and PDF reports (unit scorecard, cycle report). */
export async function resultReportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/results/cycles/:cycleId/exports/league.xlsx',
    {
      config: access(RESULTS_READERS),
      schema: {
        tags,
        summary: 'Xuất bảng xếp hạng ra Excel (mỗi cấp, nhóm một trang)',
        params: ZResultsParams,
        querystring: ZReportQuery,
      },
    },
    async (req, reply) => {
      const role = requireSession(req).user.role;
      const model = await resultsFor(app.db, req.params.cycleId, req.query.version, mayPreview(role));
      const levels = await leagueByLevel(app.db, model);
      const now = app.clock();
      download(reply, XLSX_MIME, `Bảng xếp hạng DTI ${model.meta.year} (${versionTag(model.meta)}).xlsx`);
      return streamed(reply, (out) => writeLeagueWorkbook(out, model, levels, now));
    },
  );

  r.get(
    '/api/results/cycles/:cycleId/exports/detail.xlsx',
    {
      config: access(RESULTS_READERS),
      schema: {
        tags,
        summary: 'Xuất điểm từng chỉ số của từng đơn vị ra Excel (định dạng số liệu chấm điểm)',
        params: ZResultsParams,
        querystring: ZReportQuery,
      },
    },
    async (req, reply) => {
      const role = requireSession(req).user.role;
      const { cycleId } = req.params;
      const v = await resolveVersion(app.db, cycleId, req.query.version, mayPreview(role));
      const source =
        v.kind === 'published'
          ? await publishedDetails(app.db, v.snapshotId, v.meta)
          : modelDetails(await resultsFor(app.db, cycleId, 'preview', true));
      const now = app.clock();
      download(reply, XLSX_MIME, `Chi tiết điểm DTI ${source.meta.year} (${versionTag(source.meta)}).xlsx`);
      return streamed(reply, (out) => writeDetailWorkbook(out, source, now));
    },
  );

  r.get(
    '/api/results/cycles/:cycleId/units/:unitId/scorecard.pdf',
    {
      config: access(PROFILE_READERS, { param: 'unitId' }),
      schema: {
        tags,
        summary: 'Phiếu kết quả của một đơn vị (PDF, A4)',
        params: ZResultsUnitParams,
        querystring: ZReportQuery,
      },
    },
    async (req, reply) => {
      const role = requireSession(req).user.role;
      const model = await resultsFor(app.db, req.params.cycleId, req.query.version, mayPreview(role));
      const card = scorecardOf(model, req.params.unitId);
      const pdf = await scorecardPdf(model.meta, card, app.clock());
      const name = `Phiếu kết quả ${card.unit.code} ${card.unit.name} ${model.meta.year} (${versionTag(model.meta)}).pdf`;
      return download(reply, 'application/pdf', name).send(pdf);
    },
  );

  r.get(
    '/api/results/cycles/:cycleId/report.pdf',
    {
      config: access(RESULTS_READERS),
      schema: {
        tags,
        summary: 'Báo cáo kết quả của kỳ đánh giá (PDF, A4)',
        params: ZResultsParams,
        querystring: ZReportQuery,
      },
    },
    async (req, reply) => {
      const role = requireSession(req).user.role;
      const model = await resultsFor(app.db, req.params.cycleId, req.query.version, mayPreview(role));
      const levels = await leagueByLevel(app.db, model);
      const pdf = await cycleReportPdf(model, levels, app.clock());
      const name = `Báo cáo kết quả DTI ${model.meta.year} (${versionTag(model.meta)}).pdf`;
      return download(reply, 'application/pdf', name).send(pdf);
    },
  );
}
