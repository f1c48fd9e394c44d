import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParam } from '../../../contracts/common';
import { ZFrameworkImportResult } from '../../../contracts/frameworks';
import type { Framework } from '../../../core/framework/model';
import type { Role } from '../../../core/shared/roles';
import { actorOf } from '../../audit';
import { XLSX_MIME } from '../../files/workbook';
import { getFrameworkRow } from '../../framework/framework-repo';
import { importFrameworkWorkbook } from '../../framework/import-framework';
import { writeFrameworkWorkbook } from '../../framework-files/framework-excel';
import { readUploadedFile, ZDryRunQuery } from '../upload';

const EDITORS: Role[] = ['admin', 'organiser'];

/** The file name of a version's download, e.g. "cantho-xa-2025-v2". */
export function fileStem(row: { code: string; year: number; versionNo: number }): string {
  return `${row.code}-${row.year}-v${row.versionNo}`;
}

/** What the import template shows: one pillar, one main index, one scored leaf to copy. */
const TEMPLATE: Framework = {
  formatVersion: 1,
  code: 'ma-bo-chi-so',
  name: 'Tên bộ chỉ số',
  year: 2026,
  level: 'xa',
  nominalMax: 100,
  illustrative: false,
  policy: {
    notApplicable: 'rescale',
    missing: 'zero',
    rounding: { decimals: 2, mode: 'half_up' },
    bands: [],
  },
  nodes: [
    {
      code: '1',
      kind: 'pillar',
      name: 'Chính quyền số',
      maxPoints: 100,
      children: [
        {
          code: '1.1',
          kind: 'main',
          name: 'Nhận thức số',
          maxPoints: 100,
          children: [
            {
              code: '1.1.1',
              kind: 'component',
              name: 'Tỷ lệ văn bản chỉ đạo về chuyển đổi số do người đứng đầu ký',
              maxPoints: 100,
              method: 'a = số văn bản do người đứng đầu ký; b = tổng số văn bản; Điểm = a/b × Điểm tối đa',
              evidence: 'Có trích dẫn số hiệu, tên văn bản, ngày văn bản, trích yếu đầy đủ',
              rule: { type: 'ratio', whenDenominatorZero: 'zero' },
            },
          ],
        },
      ],
    },
  ],
};

/** Downloads and uploads of whole index sets (JSON and Excel). */
export async function frameworkFileRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['frameworks'];

  r.get(
    '/api/frameworks/:id/export.json',
    {
      config: { access: { roles: 'authenticated', unitScope: 'none' } },
      schema: { tags, summary: 'Tải bộ chỉ số dạng JSON', params: ZIdParam },
    },
    async (req, reply) => {
      const row = await getFrameworkRow(app.db, req.params.id);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileStem(row)}.json"`)
        .send(JSON.stringify(row.document, null, 2));
    },
  );

  r.get(
    '/api/frameworks/:id/export.xlsx',
    {
      config: { access: { roles: 'authenticated', unitScope: 'none' } },
      schema: { tags, summary: 'Tải bộ chỉ số dạng Excel (bố cục bảng chỉ số chính thức)', params: ZIdParam },
    },
    async (req, reply) => {
      const row = await getFrameworkRow(app.db, req.params.id);
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', `attachment; filename="${fileStem(row)}.xlsx"`)
        .send(await writeFrameworkWorkbook(row.document));
    },
  );

  r.get(
    '/api/frameworks/import-template',
    {
      config: { access: { roles: EDITORS, unitScope: 'none' } },
      schema: { tags, summary: 'Tải tệp mẫu nhập bộ chỉ số' },
    },
    async (_req, reply) =>
      reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', 'attachment; filename="mau-nhap-bo-chi-so.xlsx"')
        .send(await writeFrameworkWorkbook(TEMPLATE)),
  );

  r.post(
    '/api/frameworks/import',
    {
      config: { access: { roles: EDITORS, unitScope: 'none' } },
      schema: {
        tags,
        summary: 'Nhập bộ chỉ số từ Excel (kiểm tra trước; tất cả hoặc không)',
        querystring: ZDryRunQuery,
        consumes: ['multipart/form-data'],
        response: { 200: ZFrameworkImportResult },
      },
    },
    async (req) => {
      const { data } = await readUploadedFile(req);
      return importFrameworkWorkbook(app.db, actorOf(req), data, req.query.dryRun === 'true');
    },
  );
}
