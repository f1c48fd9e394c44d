import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZOk } from '../../../contracts/common';
import { ZPracticeView } from '../../../contracts/practice';
import {
  ZCopyRequest,
  ZDryRun,
  ZScenarioCodeParam,
  ZScenarioDocument,
  ZScenarioList,
  ZScenarioListItem,
  ZScenarioListQuery,
  ZScenarioProblems,
  ZTryRequest,
  ZUpdateQuery,
} from '../../../contracts/scenarios';
import { AppError } from '../../../core/shared/app-error';
import { actorOf } from '../../audit';
import { findScenario } from '../../office/scenario-store';
import { scenarioProblems } from '../../scenarios/check-scenario';
import { copyScenario } from '../../scenarios/copy-scenario';
import { createScenario } from '../../scenarios/create-scenario';
import { deleteScenario } from '../../scenarios/delete-scenario';
import { dryRunScenario } from '../../scenarios/dry-run-scenario';
import { inDocumentedOrder } from '../../scenarios/key-order';
import { previewScenario } from '../../scenarios/preview-scenario';
import { listScenarios } from '../../scenarios/scenarios-repo';
import { updateScenario } from '../../scenarios/update-scenario';
import { CONTEST_EDITORS } from '../contests/access';

/**
 * The practice scenario editor (đề thực hành): list, read, create or copy, replace, delete, check,
 * preview as a candidate and dry-run grading. Organisers only: a scenario holds the grading checks.
 */
export async function scenarioRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['scenarios'];
  const config = { access: { roles: CONTEST_EDITORS, unitScope: 'none' as const } };

  r.get(
    '/api/scenarios',
    {
      config,
      schema: {
        tags,
        summary: 'Danh sách đề thực hành',
        querystring: ZScenarioListQuery,
        response: { 200: ZScenarioList },
      },
    },
    async (req) => ({ items: await listScenarios(app.db, req.query.q) }),
  );

  r.post(
    '/api/scenarios/validate',
    {
      config,
      schema: {
        tags,
        summary: 'Kiểm tra một đề thực hành (không lưu)',
        body: z.unknown(),
        response: { 200: ZScenarioProblems },
      },
    },
    (req) => ({ problems: scenarioProblems(req.body) }),
  );

  r.get(
    '/api/scenarios/:code',
    {
      config,
      schema: {
        tags,
        summary: 'Nội dung đề thực hành (JSON)',
        params: ZScenarioCodeParam,
        response: { 200: ZScenarioDocument },
      },
    },
    async (req) =>
      inDocumentedOrder((await findScenario(app.db, req.params.code)).document) as Record<string, unknown>,
  );

  r.post(
    '/api/scenarios',
    {
      config,
      schema: {
        tags,
        summary: 'Tạo đề thực hành từ JSON, hoặc sao chép một đề ({ copyOf, code, name })',
        body: z.unknown(),
        response: { 200: ZScenarioListItem },
      },
    },
    (req) => {
      const body = req.body;
      if (typeof body === 'object' && body !== null && 'copyOf' in body) {
        const parsed = ZCopyRequest.safeParse(body);
        if (!parsed.success) {
          throw new AppError(
            'validation_failed',
            'Sao chép cần mã đề nguồn (copyOf) và mã đề mới (code)',
            parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
          );
        }
        return copyScenario(app.db, actorOf(req), parsed.data);
      }
      return createScenario(app.db, actorOf(req), body);
    },
  );

  r.put(
    '/api/scenarios/:code',
    {
      config,
      schema: {
        tags,
        summary: 'Thay nội dung đề thực hành (version: bản đang sửa)',
        params: ZScenarioCodeParam,
        querystring: ZUpdateQuery,
        body: z.unknown(),
        response: { 200: ZScenarioListItem },
      },
    },
    (req) =>
      updateScenario(app.db, actorOf(req), req.params.code, req.body, {
        ...(req.query.version !== undefined ? { version: req.query.version } : {}),
        now: app.clock(),
      }),
  );

  r.delete(
    '/api/scenarios/:code',
    {
      config,
      schema: {
        tags,
        summary: 'Xóa đề thực hành chưa dùng (không xóa đề có sẵn)',
        params: ZScenarioCodeParam,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await deleteScenario(app.db, actorOf(req), req.params.code);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/scenarios/:code/preview',
    {
      config,
      schema: {
        tags,
        summary: 'Xem đề như thí sinh (hộp thư, văn bản, nhiệm vụ của thí sinh mẫu)',
        params: ZScenarioCodeParam,
        body: ZTryRequest,
        response: { 200: ZPracticeView },
      },
    },
    (req) => previewScenario(app.db, req.params.code, req.body?.scenario, app.clock()),
  );

  r.post(
    '/api/scenarios/:code/dry-run',
    {
      config,
      schema: {
        tags,
        summary: 'Chấm thử một bài chưa làm gì: điểm và lý do của từng tiêu chí',
        params: ZScenarioCodeParam,
        body: ZTryRequest,
        response: { 200: ZDryRun },
      },
    },
    (req) => dryRunScenario(app.db, req.params.code, req.body?.scenario, app.clock()),
  );
}
