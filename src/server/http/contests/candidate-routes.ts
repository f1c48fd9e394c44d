import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParam } from '../../../contracts/common';
import {
  ZAccommodationRequest,
  ZCandidate,
  ZCandidateImportResult,
  ZCandidateListQuery,
  ZCandidatePage,
  ZCandidatePatch,
  ZContestCandidateParams,
  ZCountResult,
  ZDeleteCandidatesRequest,
  ZIssuePasswordsRequest,
} from '../../../contracts/contests';
import { actorOf } from '../../audit';
import { buildCandidateTemplate, readCandidateRows } from '../../contests/candidates-excel';
import { listCandidates } from '../../contests/candidates-repo';
import { getContest } from '../../contests/contests-repo';
import { deleteCandidates } from '../../contests/delete-candidates';
import { importCandidates } from '../../contests/import-candidates';
import { issuePasswords } from '../../contests/issue-passwords';
import { listSessions } from '../../contests/sessions-repo';
import { setAccommodation } from '../../contests/set-accommodation';
import { updateCandidate } from '../../contests/update-candidate';
import { XLSX_MIME } from '../../files/workbook';
import { readUploadedFile, ZDryRunQuery } from '../upload';
import { CONTEST_EDITORS, CONTEST_READERS } from './access';

export async function candidateRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['contests'];
  const read = { access: { roles: CONTEST_READERS, unitScope: 'none' as const } };
  const write = { access: { roles: CONTEST_EDITORS, unitScope: 'none' as const } };

  r.get(
    '/api/contests/:id/candidates',
    {
      config: read,
      schema: {
        tags,
        summary: 'Danh sách thí sinh (tìm không dấu, lọc theo ca, cấp, đơn vị)',
        params: ZIdParam,
        querystring: ZCandidateListQuery,
        response: { 200: ZCandidatePage },
      },
    },
    async (req) => {
      await getContest(app.db, req.params.id);
      return listCandidates(app.db, req.params.id, req.query);
    },
  );

  r.get(
    '/api/contests/:id/candidates/import-template',
    { config: write, schema: { tags, summary: 'Tải tệp mẫu nhập thí sinh', params: ZIdParam } },
    async (req, reply) => {
      await getContest(app.db, req.params.id);
      const sessions = await listSessions(app.db, req.params.id);
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', 'attachment; filename="mau-nhap-thi-sinh.xlsx"')
        .send(await buildCandidateTemplate(sessions.map((s) => s.name)));
    },
  );

  r.post(
    '/api/contests/:id/candidates/import',
    {
      config: write,
      schema: {
        tags,
        summary: 'Nhập thí sinh từ Excel (xem trước, rồi nhập tất cả hoặc không)',
        params: ZIdParam,
        querystring: ZDryRunQuery,
        consumes: ['multipart/form-data'],
        response: { 200: ZCandidateImportResult },
      },
    },
    async (req) => {
      const { data } = await readUploadedFile(req);
      const rows = await readCandidateRows(data);
      return importCandidates(
        app.db,
        actorOf(req),
        req.params.id,
        rows,
        req.query.dryRun === 'true',
        app.clock(),
      );
    },
  );

  r.patch(
    '/api/contests/:id/candidates/:candidateId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Sửa thông tin thí sinh',
        params: ZContestCandidateParams,
        body: ZCandidatePatch,
        response: { 200: ZCandidate },
      },
    },
    (req) => updateCandidate(app.db, actorOf(req), req.params.id, req.params.candidateId, req.body),
  );

  r.post(
    '/api/contests/:id/candidates/:candidateId/accommodation',
    {
      config: write,
      schema: {
        tags,
        summary: 'Đặt thời gian cộng thêm cho thí sinh (phút)',
        params: ZContestCandidateParams,
        body: ZAccommodationRequest,
        response: { 200: ZCandidate },
      },
    },
    (req) =>
      setAccommodation(
        app.db,
        actorOf(req),
        req.params.id,
        req.params.candidateId,
        req.body.extraMinutes,
        req.body.reason,
      ),
  );

  r.post(
    '/api/contests/:id/candidates/delete',
    {
      config: write,
      schema: {
        tags,
        summary: 'Xóa thí sinh (chỉ khi kỳ thi còn nháp)',
        params: ZIdParam,
        body: ZDeleteCandidatesRequest,
        response: { 200: ZCountResult },
      },
    },
    async (req) => ({
      count: await deleteCandidates(app.db, actorOf(req), req.params.id, req.body.candidateIds),
    }),
  );

  r.post(
    '/api/contests/:id/passwords',
    {
      config: write,
      schema: {
        tags,
        summary: 'Cấp mật khẩu mới và tải phiếu đăng nhập (PDF); mật khẩu chỉ có trong tệp này',
        params: ZIdParam,
        body: ZIssuePasswordsRequest,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const examUrl = `${req.protocol}://${req.host}/exam`;
      const { pdf, count } = await issuePasswords(app.db, actorOf(req), req.params.id, req.body, examUrl, {
        box: app.secretBox,
        now: app.clock(),
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', 'attachment; filename="phieu-dang-nhap.pdf"')
        .header('cache-control', 'no-store')
        .header('x-issued-count', String(count))
        .send(pdf);
    },
  );
}
