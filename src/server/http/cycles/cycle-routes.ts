import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../contracts/common';
import {
  ZBoard,
  ZCentralImportResult,
  ZCreateCycle,
  ZCycleDetail,
  ZCycleListQuery,
  ZCyclePage,
  ZCyclePatch,
  ZCycleUnitsUpdate,
  ZExtensionInput,
  ZReviewerAccount,
  ZReviewerAssignments,
  ZReviewerRow,
} from '../../../contracts/cycles';
import { AppError } from '../../../core/shared/app-error';
import { actorOf } from '../../audit';
import { boardWorkbook, cycleBoard } from '../../cycle/board';
import { importCentralData } from '../../cycle/central-import';
import { createCycle } from '../../cycle/create-cycle';
import { loadCycle } from '../../cycle/cycle-context';
import { getCycleDetail, listCycles } from '../../cycle/cycle-views';
import { listReviewers, reviewerAccounts, setReviewers } from '../../cycle/reviewers';
import { setCycleUnits, setExtension, updateCycle } from '../../cycle/update-cycle';
import { XLSX_MIME } from '../../files/workbook';
import { requireSession, scopedUnitId } from '../access';
import { readUploadedFile, ZDryRunQuery } from '../upload';
import { access, BOARD_READERS, CYCLE_READERS, ORGANISERS } from './access';

const ZItems = z.object({ items: z.array(ZReviewerRow) });
const CENTRAL_TEMPLATE = [
  'unit_code,group,indicator,field,value',
  'XA-001,,1.2.1,a,1234',
  'XA-001,,1.2.1,b,1500',
].join('\r\n');

/** Cycles: the calendar, units, extensions, reviewers, centrally measured data and the progress board. */
export async function cycleRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cycles'];
  const detail = (req: Parameters<typeof scopedUnitId>[0], id: string) =>
    getCycleDetail(app.db, id, requireSession(req).user.unitId ?? null, app.clock());

  r.get(
    '/api/cycles',
    {
      config: access(CYCLE_READERS, 'own'),
      schema: {
        tags,
        summary: 'Danh sách kỳ đánh giá',
        querystring: ZCycleListQuery,
        response: { 200: ZCyclePage },
      },
    },
    (req) => listCycles(app.db, req.query, scopedUnitId(req), app.clock()),
  );

  r.post(
    '/api/cycles',
    {
      config: access(ORGANISERS),
      schema: { tags, summary: 'Mở kỳ đánh giá', body: ZCreateCycle, response: { 200: ZCycleDetail } },
    },
    async (req) => detail(req, await createCycle(app.db, actorOf(req), req.body)),
  );

  r.get(
    '/api/cycles/:id',
    {
      config: access(CYCLE_READERS, 'own'),
      schema: { tags, summary: 'Chi tiết kỳ đánh giá', params: ZIdParam, response: { 200: ZCycleDetail } },
    },
    async (req) => {
      const d = await detail(req, req.params.id);
      // A unit-bound caller sees only cycles its unit takes part in.
      if (scopedUnitId(req) !== undefined && !d.myUnitId)
        throw new AppError('cycle_not_found', 'Không tìm thấy kỳ đánh giá');
      return d;
    },
  );

  r.patch(
    '/api/cycles/:id',
    {
      config: access(ORGANISERS),
      schema: {
        tags,
        summary: 'Sửa tên, lịch của kỳ đánh giá',
        params: ZIdParam,
        body: ZCyclePatch,
        response: { 200: ZCycleDetail },
      },
    },
    async (req) => {
      await updateCycle(app.db, actorOf(req), req.params.id, req.body);
      return detail(req, req.params.id);
    },
  );

  r.put(
    '/api/cycles/:id/units',
    {
      config: access(ORGANISERS),
      schema: {
        tags,
        summary: 'Đơn vị tham gia',
        params: ZIdParam,
        body: ZCycleUnitsUpdate,
        response: { 200: ZCycleDetail },
      },
    },
    async (req) => {
      await setCycleUnits(app.db, actorOf(req), req.params.id, req.body.unitIds);
      return detail(req, req.params.id);
    },
  );

  r.put(
    '/api/cycles/:id/extensions',
    {
      config: access(ORGANISERS),
      schema: {
        tags,
        summary: 'Gia hạn cho một đơn vị',
        params: ZIdParam,
        body: ZExtensionInput,
        response: { 200: ZCycleDetail },
      },
    },
    async (req) => {
      await setExtension(app.db, actorOf(req), req.params.id, req.body);
      return detail(req, req.params.id);
    },
  );

  r.get(
    '/api/cycles/:id/reviewers',
    {
      config: access(ORGANISERS),
      schema: { tags, summary: 'Phân công thẩm định', params: ZIdParam, response: { 200: ZItems } },
    },
    async (req) => {
      await loadCycle(app.db, req.params.id);
      return { items: await listReviewers(app.db, req.params.id) };
    },
  );

  r.get(
    '/api/cycles/:id/reviewer-accounts',
    {
      config: access(ORGANISERS),
      schema: {
        tags,
        summary: 'Tài khoản thẩm định có thể phân công',
        params: ZIdParam,
        response: { 200: z.object({ items: z.array(ZReviewerAccount) }) },
      },
    },
    async (req) => {
      await loadCycle(app.db, req.params.id);
      return { items: await reviewerAccounts(app.db) };
    },
  );

  r.put(
    '/api/cycles/:id/reviewers',
    {
      config: access(ORGANISERS),
      schema: {
        tags,
        summary: 'Thay phân công thẩm định',
        params: ZIdParam,
        body: ZReviewerAssignments,
        response: { 200: ZItems },
      },
    },
    async (req) => {
      await setReviewers(app.db, actorOf(req), req.params.id, req.body.assignments);
      return { items: await listReviewers(app.db, req.params.id) };
    },
  );

  r.post(
    '/api/cycles/:id/central',
    {
      config: access(ORGANISERS),
      schema: {
        tags,
        summary: 'Nhập số liệu do tỉnh/thành phố đo (Excel/CSV theo định dạng số liệu chấm điểm)',
        params: ZIdParam,
        querystring: ZDryRunQuery.extend({
          level: z.enum(['so', 'huyen', 'xa']),
          source: z.string().trim().min(3, 'Ghi nguồn số liệu').max(300),
        }),
        response: { 200: ZCentralImportResult },
      },
    },
    async (req) => {
      const ctx = await loadCycle(app.db, req.params.id);
      const file = await readUploadedFile(req, 'tệp Excel (.xlsx) hoặc CSV');
      return importCentralData(app.db, actorOf(req), ctx, {
        level: req.query.level,
        source: req.query.source,
        data: file.data,
        dryRun: req.query.dryRun !== 'false',
        now: app.clock(),
      });
    },
  );

  r.get(
    '/api/cycles/:id/central-template',
    {
      config: access(ORGANISERS),
      schema: { tags, summary: 'Mẫu tệp số liệu tập trung (CSV)', params: ZIdParam },
    },
    async (req, reply) => {
      await loadCycle(app.db, req.params.id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="mau-so-lieu-tap-trung.csv"')
        .send(`\uFEFF${CENTRAL_TEMPLATE}\r\n`);
    },
  );

  r.get(
    '/api/cycles/:id/board',
    {
      config: access(BOARD_READERS),
      schema: { tags, summary: 'Bảng theo dõi tiến độ', params: ZIdParam, response: { 200: ZBoard } },
    },
    async (req) => cycleBoard(app.db, await loadCycle(app.db, req.params.id), app.clock()),
  );

  r.get(
    '/api/cycles/:id/board.xlsx',
    {
      config: access(BOARD_READERS),
      schema: { tags, summary: 'Xuất bảng tiến độ ra Excel', params: ZIdParam },
    },
    async (req, reply) => {
      const board = await cycleBoard(app.db, await loadCycle(app.db, req.params.id), app.clock());
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', 'attachment; filename="tien-do-danh-gia.xlsx"')
        .send(await boardWorkbook(board));
    },
  );
}
