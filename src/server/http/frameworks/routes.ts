import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam, ZOk } from '../../../contracts/common';
import {
  ZAddNode,
  ZCloneRequest,
  ZCreateFramework,
  ZFrameworkDetail,
  ZFrameworkDiff,
  ZFrameworkListQuery,
  ZFrameworkMetaPatch,
  ZFrameworkPage,
  ZLockRequest,
  ZMoveNode,
  ZNodeParam,
  ZNodePatch,
} from '../../../contracts/frameworks';
import type { Role } from '../../../core/shared/roles';
import { actorOf } from '../../audit';
import { addNode } from '../../framework/add-node';
import { cloneFrameworkVersion } from '../../framework/clone-version';
import { compareFrameworkVersions } from '../../framework/compare-versions';
import { createFrameworkVersion } from '../../framework/create-version';
import { deleteNode } from '../../framework/delete-node';
import { getFrameworkDetail, listFrameworks } from '../../framework/framework-repo';
import { lockFrameworkVersion } from '../../framework/lock-version';
import { moveNode } from '../../framework/move-node';
import { updateNode } from '../../framework/update-node';
import { updateFrameworkMeta } from '../../framework/update-version';
import { frameworkFileRoutes } from './file-routes';

const EDITORS: Role[] = ['admin', 'organiser'];
const read = { access: { roles: 'authenticated' as const, unitScope: 'none' as const } };
const write = { access: { roles: EDITORS, unitScope: 'none' as const } };

export async function frameworkRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['frameworks'];
  const detail = (id: string) => getFrameworkDetail(app.db, id);

  r.get(
    '/api/frameworks',
    {
      config: read,
      schema: {
        tags,
        summary: 'Danh sách phiên bản bộ chỉ số',
        querystring: ZFrameworkListQuery,
        response: { 200: ZFrameworkPage },
      },
    },
    (req) => listFrameworks(app.db, req.query),
  );

  r.get(
    '/api/frameworks/compare',
    {
      config: read,
      schema: {
        tags,
        summary: 'So sánh hai phiên bản bộ chỉ số',
        querystring: z.object({ from: z.uuid(), to: z.uuid() }),
        response: { 200: ZFrameworkDiff },
      },
    },
    (req) => compareFrameworkVersions(app.db, req.query.from, req.query.to),
  );

  r.get(
    '/api/frameworks/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Chi tiết phiên bản bộ chỉ số (cây chỉ số, kiểm tra, tổng điểm)',
        params: ZIdParam,
        response: { 200: ZFrameworkDetail },
      },
    },
    (req) => detail(req.params.id),
  );

  r.post(
    '/api/frameworks',
    {
      config: write,
      schema: {
        tags,
        summary: 'Tạo phiên bản bộ chỉ số (từ tệp JSON hoặc trống)',
        body: ZCreateFramework,
        response: { 200: ZFrameworkDetail },
      },
    },
    async (req) => detail(await createFrameworkVersion(app.db, actorOf(req), req.body)),
  );

  r.patch(
    '/api/frameworks/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Sửa thông tin chung và chính sách tính điểm',
        params: ZIdParam,
        body: ZFrameworkMetaPatch,
        response: { 200: ZFrameworkDetail },
      },
    },
    async (req) => {
      await updateFrameworkMeta(app.db, actorOf(req), req.params.id, req.body);
      return detail(req.params.id);
    },
  );

  r.post(
    '/api/frameworks/:id/nodes',
    {
      config: write,
      schema: {
        tags,
        summary: 'Thêm chỉ số',
        params: ZIdParam,
        body: ZAddNode,
        response: { 200: ZFrameworkDetail },
      },
    },
    async (req) => {
      await addNode(app.db, actorOf(req), req.params.id, req.body);
      return detail(req.params.id);
    },
  );

  r.put(
    '/api/frameworks/:id/nodes/:code',
    {
      config: write,
      schema: {
        tags,
        summary: 'Sửa chỉ số (thông tin và cách tính điểm)',
        params: ZNodeParam,
        body: ZNodePatch,
        response: { 200: ZFrameworkDetail },
      },
    },
    async (req) => {
      await updateNode(app.db, actorOf(req), req.params.id, req.params.code, req.body);
      return detail(req.params.id);
    },
  );

  r.delete(
    '/api/frameworks/:id/nodes/:code',
    {
      config: write,
      schema: {
        tags,
        summary: 'Xóa chỉ số cùng các chỉ số con',
        params: ZNodeParam,
        response: { 200: ZFrameworkDetail },
      },
    },
    async (req) => {
      await deleteNode(app.db, actorOf(req), req.params.id, req.params.code);
      return detail(req.params.id);
    },
  );

  r.post(
    '/api/frameworks/:id/nodes/:code/move',
    {
      config: write,
      schema: {
        tags,
        summary: 'Chuyển chỉ số sang vị trí khác',
        params: ZNodeParam,
        body: ZMoveNode,
        response: { 200: ZFrameworkDetail },
      },
    },
    async (req) => {
      await moveNode(app.db, actorOf(req), req.params.id, req.params.code, req.body);
      return detail(req.params.id);
    },
  );

  r.post(
    '/api/frameworks/:id/clone',
    {
      config: write,
      schema: {
        tags,
        summary: 'Nhân bản thành phiên bản mới cho một năm',
        params: ZIdParam,
        body: ZCloneRequest,
        response: { 200: ZFrameworkDetail },
      },
    },
    async (req) => detail(await cloneFrameworkVersion(app.db, actorOf(req), req.params.id, req.body.year)),
  );

  r.post(
    '/api/frameworks/:id/lock',
    {
      config: { access: { roles: ['admin'], unitScope: 'none' } },
      schema: {
        tags,
        summary: 'Khóa phiên bản (kỳ đánh giá công bố khóa tự động)',
        params: ZIdParam,
        body: ZLockRequest,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await lockFrameworkVersion(app.db, req.params.id, req.body.reason, actorOf(req));
      return { ok: true as const };
    },
  );

  await app.register(frameworkFileRoutes);
}
