import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParam, ZOk } from '../../../contracts/common';
import {
  ZCategory,
  ZCategoryInput,
  ZCategoryList,
  ZCategoryPatch,
  ZQuestionDetail,
  ZQuestionExportQuery,
  ZQuestionImportQuery,
  ZQuestionImportResult,
  ZQuestionInput,
  ZQuestionListQuery,
  ZQuestionPage,
  ZQuestionPatch,
  ZQuestionTags,
} from '../../../contracts/questions';
import type { Role } from '../../../core/shared/roles';
import { actorOf, recordAudit } from '../../audit';
import { XLSX_MIME } from '../../files/workbook';
import { listCategories } from '../../questions/categories-repo';
import { createQuestion } from '../../questions/create-question';
import { deleteCategory } from '../../questions/delete-category';
import { deleteQuestion } from '../../questions/delete-question';
import { exportQuestions } from '../../questions/export-questions';
import { buildQuestionTemplate } from '../../questions/formats/excel';
import { importQuestions } from '../../questions/import-questions';
import { getQuestionDetail, listQuestions, listTags } from '../../questions/questions-repo';
import { createCategory, updateCategory } from '../../questions/save-category';
import { setQuestionStatus } from '../../questions/set-question-status';
import { updateQuestion } from '../../questions/update-question';
import { todayVn } from '../../units/units-repo';
import { readUploadedFile } from '../upload';

/** Questions are secret until the exam: only the organising side sees the bank. */
const BANK: Role[] = ['admin', 'organiser'];
const access = { roles: BANK, unitScope: 'none' as const };

export async function questionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['questions'];

  r.get(
    '/api/question-categories',
    {
      config: { access },
      schema: { tags, summary: 'Cây danh mục câu hỏi', response: { 200: ZCategoryList } },
    },
    () => listCategories(app.db),
  );

  r.post(
    '/api/question-categories',
    {
      config: { access },
      schema: { tags, summary: 'Thêm danh mục câu hỏi', body: ZCategoryInput, response: { 200: ZCategory } },
    },
    (req) => createCategory(app.db, actorOf(req), req.body),
  );

  r.patch(
    '/api/question-categories/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Đổi tên hoặc chuyển danh mục',
        params: ZIdParam,
        body: ZCategoryPatch,
        response: { 200: ZCategory },
      },
    },
    (req) => updateCategory(app.db, actorOf(req), req.params.id, req.body),
  );

  r.delete(
    '/api/question-categories/:id',
    {
      config: { access },
      schema: { tags, summary: 'Xóa danh mục trống', params: ZIdParam, response: { 200: ZOk } },
    },
    async (req) => {
      await deleteCategory(app.db, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/questions',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Danh sách câu hỏi',
        querystring: ZQuestionListQuery,
        response: { 200: ZQuestionPage },
      },
    },
    (req) => listQuestions(app.db, req.query),
  );

  r.get(
    '/api/questions/tags',
    { config: { access }, schema: { tags, summary: 'Các thẻ đang dùng', response: { 200: ZQuestionTags } } },
    () => listTags(app.db),
  );

  r.get(
    '/api/questions/import-template',
    { config: { access }, schema: { tags, summary: 'Tải tệp mẫu Excel nhập câu hỏi' } },
    async (_req, reply) =>
      reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', 'attachment; filename="mau-nhap-cau-hoi.xlsx"')
        .send(await buildQuestionTemplate()),
  );

  r.get(
    '/api/questions/export',
    {
      config: { access },
      schema: { tags, summary: 'Xuất câu hỏi (Excel hoặc Moodle XML)', querystring: ZQuestionExportQuery },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      const file = await exportQuestions(app.db, filters, format);
      // Questions are secret before the exam: who took a copy of the bank is worth knowing.
      await recordAudit(app.db, actorOf(req), {
        action: 'export',
        entity: 'question',
        after: { format, filters, count: file.count },
      });
      return reply
        .header('content-type', file.mime)
        .header('content-disposition', `attachment; filename="cau-hoi-${todayVn()}.${file.extension}"`)
        .send(file.body);
    },
  );

  r.post(
    '/api/questions/import',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Nhập câu hỏi (Excel, Aiken, GIFT, Moodle XML): xem trước, rồi nhập tất cả hoặc không',
        querystring: ZQuestionImportQuery,
        consumes: ['multipart/form-data'],
        response: { 200: ZQuestionImportResult },
      },
    },
    async (req) => {
      const { data } = await readUploadedFile(req, 'tệp câu hỏi');
      return importQuestions(app.db, actorOf(req), data, {
        dryRun: req.query.dryRun === 'true',
        format: req.query.format,
        duplicates: req.query.duplicates,
      });
    },
  );

  r.get(
    '/api/questions/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Chi tiết câu hỏi và các phiên bản',
        params: ZIdParam,
        response: { 200: ZQuestionDetail },
      },
    },
    (req) => getQuestionDetail(app.db, req.params.id),
  );

  r.post(
    '/api/questions',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Thêm câu hỏi (nháp)',
        body: ZQuestionInput,
        response: { 200: ZQuestionDetail },
      },
    },
    (req) => createQuestion(app.db, actorOf(req), req.body),
  );

  r.patch(
    '/api/questions/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Sửa câu hỏi (sửa nội dung câu đã dùng tạo phiên bản mới)',
        params: ZIdParam,
        body: ZQuestionPatch,
        response: { 200: ZQuestionDetail },
      },
    },
    (req) => updateQuestion(app.db, actorOf(req), req.params.id, req.body),
  );

  for (const [path, status, summary] of [
    ['approve', 'approved', 'Duyệt câu hỏi'],
    ['unapprove', 'draft', 'Đưa câu hỏi về nháp'],
  ] as const) {
    r.post(
      `/api/questions/:id/${path}`,
      {
        config: { access },
        schema: { tags, summary, params: ZIdParam, response: { 200: ZQuestionDetail } },
      },
      (req) => setQuestionStatus(app.db, actorOf(req), req.params.id, status),
    );
  }

  r.delete(
    '/api/questions/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Xóa câu hỏi (các phiên bản đã dùng vẫn được giữ)',
        params: ZIdParam,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await deleteQuestion(app.db, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
}
