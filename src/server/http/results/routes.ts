import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZDashboard,
  ZDashboardQuery,
  ZPublicResults,
  ZPublicUnitParams,
  ZPublicUnitResult,
  ZPublicYearParams,
  ZResultsParams,
  ZResultsUnitParams,
  ZUnitProfile,
  ZUnitResultsQuery,
  ZWhatIfInput,
  ZWhatIfResult,
} from '../../../contracts/results';
import type { Role } from '../../../core/shared/roles';
import { dashboardJson } from '../../results/dashboard';
import { resultsFor } from '../../results/load-results';
import { publicUnitJson, publicYearJson } from '../../results/public-results';
import { unitProfileJson } from '../../results/unit-profile';
import { whatIfResult } from '../../results/what-if';
import { requireSession } from '../access';
import { access, ORGANISERS } from '../cycles/access';

/** Leaders (viewers), organisers and the council read the dashboard. */
export const RESULTS_READERS: Role[] = ['admin', 'organiser', 'council', 'viewer'];
/** A unit profile: the same, and a unit's reporter for its own unit only. */
export const PROFILE_READERS: Role[] = [...RESULTS_READERS, 'reporter'];

const tags = ['results'];

/** Views are rendered to JSON once and kept; the cached text is sent as is. */
const sendJson = (reply: FastifyReply, json: string) =>
  reply.type('application/json; charset=utf-8').send(json);

const mayPreview = (role: Role) => ORGANISERS.includes(role);

/** Leaders' dashboard, unit profile, what-if sandbox, and the public results page. */
export async function resultRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/results/cycles/:cycleId/dashboard',
    {
      config: access(RESULTS_READERS),
      schema: {
        tags,
        summary: 'Bảng điều hành kết quả: xếp hạng, phân bố, bản đồ nhiệt, tiến bộ, chênh lệch',
        params: ZResultsParams,
        querystring: ZDashboardQuery,
        response: { 200: ZDashboard },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const role = requireSession(req).user.role;
      const model = await resultsFor(app.db, req.params.cycleId, q.version, mayPreview(role));
      const json = await dashboardJson(app.db, model, {
        by: q.by,
        ...(q.level ? { level: q.level } : {}),
        ...(q.group !== undefined ? { group: q.group } : {}),
      });
      return sendJson(reply, json);
    },
  );

  r.get(
    '/api/results/cycles/:cycleId/units/:unitId',
    {
      config: access(PROFILE_READERS, { param: 'unitId' }),
      schema: {
        tags,
        summary: 'Hồ sơ kết quả của một đơn vị',
        params: ZResultsUnitParams,
        querystring: ZUnitResultsQuery,
        response: { 200: ZUnitProfile },
      },
    },
    async (req, reply) => {
      const role = requireSession(req).user.role;
      const model = await resultsFor(app.db, req.params.cycleId, req.query.version, mayPreview(role));
      return sendJson(reply, await unitProfileJson(app.db, model, req.params.unitId, req.query.trend));
    },
  );

  r.post(
    '/api/results/cycles/:cycleId/what-if',
    {
      config: access(ORGANISERS),
      schema: {
        tags,
        summary: 'Giả định: đổi điểm tối đa chỉ số chính hoặc cách xử lý chỉ số không áp dụng',
        params: ZResultsParams,
        body: ZWhatIfInput,
        response: { 200: ZWhatIfResult },
      },
    },
    async (req) => {
      const b = req.body;
      const model = await resultsFor(app.db, req.params.cycleId, b.version, true);
      return whatIfResult(model, {
        places: b.places,
        ...(b.level ? { level: b.level } : {}),
        ...(b.mainMax ? { mainMax: b.mainMax } : {}),
        ...(b.notApplicable ? { notApplicable: b.notApplicable } : {}),
        ...(b.missing ? { missing: b.missing } : {}),
      });
    },
  );

  r.get(
    '/api/public/results/:year',
    {
      config: { access: { roles: 'public', unitScope: 'none' } },
      schema: {
        tags,
        summary: 'Kết quả đã công bố của một năm (công khai)',
        params: ZPublicYearParams,
        response: { 200: ZPublicResults },
      },
    },
    async (req, reply) => sendJson(reply, await publicYearJson(app.db, req.params.year)),
  );

  r.get(
    '/api/public/results/:year/units/:unitCode',
    {
      config: { access: { roles: 'public', unitScope: 'none' } },
      schema: {
        tags,
        summary: 'Kết quả đã công bố của một đơn vị (công khai)',
        params: ZPublicUnitParams,
        response: { 200: ZPublicUnitResult },
      },
    },
    async (req, reply) => sendJson(reply, await publicUnitJson(app.db, req.params.year, req.params.unitCode)),
  );
}
