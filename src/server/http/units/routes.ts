import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../contracts/common';
import {
  ZImportResult,
  ZMergeRequest,
  ZRetireUnitRequest,
  ZSplitRequest,
  ZUnit,
  ZUnitDetail,
  ZUnitInput,
  ZUnitListQuery,
  ZUnitPage,
  ZUnitPatch,
} from '../../../contracts/units';
import type { Role } from '../../../core/shared/roles';
import { actorOf } from '../../audit';
import { units } from '../../db/schema';
import { XLSX_MIME } from '../../files/workbook';
import { importUnits } from '../../units/import-units';
import { mergeUnits, splitUnit } from '../../units/reorganise';
import { createUnit, retireUnit, updateUnit } from '../../units/save-unit';
import { buildImportTemplate, readUnitRows, writeUnitsWorkbook } from '../../units/units-excel';
import { getUnitDetail, listUnits, todayVn } from '../../units/units-repo';
import { scopedUnitId } from '../access';
import { readUploadedFile, ZDryRunQuery } from '../upload';

const EDITORS: Role[] = ['admin', 'organiser'];
const READERS: Role[] = ['admin', 'organiser', 'reviewer', 'council', 'viewer', 'proctor', 'reporter'];

export async function unitRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['units'];

  r.get(
    '/api/units',
    {
      config: { access: { roles: READERS, unitScope: 'own' } },
      schema: {
        tags,
        summary: 'Danh sách đơn vị',
        querystring: ZUnitListQuery,
        response: { 200: ZUnitPage },
      },
    },
    (req) => listUnits(app.db, req.query, scopedUnitId(req)),
  );

  r.get(
    '/api/units/export',
    {
      config: {
        access: { roles: ['admin', 'organiser', 'reviewer', 'council', 'viewer'], unitScope: 'none' },
      },
      schema: {
        tags,
        summary: 'Xuất danh mục đơn vị ra Excel',
        querystring: ZUnitListQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (req, reply) => {
      const codes = await app.db.select({ id: units.id, code: units.code }).from(units);
      const codeById = new Map(codes.map((c) => [c.id, c.code]));
      async function* pages() {
        for (let page = 1; ; page++) {
          const res = await listUnits(app.db, { ...req.query, page, pageSize: 200 });
          yield res.items;
          if (page * 200 >= res.total) return;
        }
      }
      const out = new PassThrough();
      writeUnitsWorkbook(out, pages(), codeById).catch((e) => out.destroy(e));
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', `attachment; filename="don-vi-${todayVn()}.xlsx"`)
        .send(out);
    },
  );

  r.get(
    '/api/units/import-template',
    {
      config: { access: { roles: EDITORS, unitScope: 'none' } },
      schema: { tags, summary: 'Tải tệp mẫu nhập đơn vị' },
    },
    async (_req, reply) =>
      reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', 'attachment; filename="mau-nhap-don-vi.xlsx"')
        .send(await buildImportTemplate()),
  );

  r.post(
    '/api/units/import',
    {
      config: { access: { roles: EDITORS, unitScope: 'none' } },
      schema: {
        tags,
        summary: 'Nhập đơn vị từ Excel (tất cả hoặc không)',
        querystring: ZDryRunQuery,
        consumes: ['multipart/form-data'],
        response: { 200: ZImportResult },
      },
    },
    async (req) => {
      const { data } = await readUploadedFile(req);
      const rows = await readUnitRows(data);
      return importUnits(app.db, actorOf(req), rows, req.query.dryRun === 'true');
    },
  );

  r.post(
    '/api/units/merge',
    {
      config: { access: { roles: EDITORS, unitScope: 'none' } },
      schema: { tags, summary: 'Sáp nhập đơn vị', body: ZMergeRequest, response: { 200: ZUnitDetail } },
    },
    (req) => mergeUnits(app.db, actorOf(req), req.body),
  );

  r.get(
    '/api/units/:id',
    {
      config: { access: { roles: READERS, unitScope: { param: 'id' } } },
      schema: { tags, summary: 'Chi tiết đơn vị', params: ZIdParam, response: { 200: ZUnitDetail } },
    },
    (req) => getUnitDetail(app.db, req.params.id),
  );

  r.post(
    '/api/units',
    {
      config: { access: { roles: EDITORS, unitScope: 'none' } },
      schema: { tags, summary: 'Thêm đơn vị', body: ZUnitInput, response: { 200: ZUnit } },
    },
    (req) => createUnit(app.db, actorOf(req), req.body),
  );

  r.patch(
    '/api/units/:id',
    {
      config: { access: { roles: EDITORS, unitScope: { param: 'id' } } },
      schema: { tags, summary: 'Sửa đơn vị', params: ZIdParam, body: ZUnitPatch, response: { 200: ZUnit } },
    },
    (req) => updateUnit(app.db, actorOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/units/:id/retire',
    {
      config: { access: { roles: EDITORS, unitScope: { param: 'id' } } },
      schema: {
        tags,
        summary: 'Cho đơn vị hết hiệu lực',
        params: ZIdParam,
        body: ZRetireUnitRequest,
        response: { 200: ZUnit },
      },
    },
    (req) => retireUnit(app.db, actorOf(req), req.params.id, req.body.validTo, req.body.note),
  );

  r.post(
    '/api/units/:id/split',
    {
      config: { access: { roles: EDITORS, unitScope: { param: 'id' } } },
      schema: {
        tags,
        summary: 'Chia tách đơn vị',
        params: ZIdParam,
        body: ZSplitRequest,
        response: { 200: z.object({ items: z.array(ZUnit) }) },
      },
    },
    async (req) => ({ items: await splitUnit(app.db, actorOf(req), req.params.id, req.body) }),
  );
}
