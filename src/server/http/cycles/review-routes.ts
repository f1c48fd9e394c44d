import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam, ZOk } from '../../../contracts/common';
import {
  ZBulkAgree,
  ZCouncilConfirm,
  ZCouncilRow,
  ZEntryParams,
  ZFinalInput,
  ZPublishInput,
  ZReviewAction,
  ZReviewQueuePage,
  ZReviewQueueQuery,
  ZSnapshot,
  ZSnapshotInfo,
} from '../../../contracts/cycles';
import { type Actor, actorOf } from '../../audit';
import { announcePublished, announceRequests } from '../../cycle/announce';
import { confirmUnits, councilRows, setFinalPoints } from '../../cycle/council';
import { loadCycle } from '../../cycle/cycle-context';
import { getSnapshot, listSnapshots, publishCycle } from '../../cycle/publish-cycle';
import { type ReviewItem, reviewEntries } from '../../cycle/review-entry';
import { reviewQueue } from '../../cycle/review-queue';
import { warmAfterPublish } from '../../results/warm-results';
import { requireSession } from '../access';
import { access, COUNCIL, COUNCIL_READERS, CYCLE_READERS, ORGANISERS, REVIEWERS } from './access';

/** Review (thẩm định), council appraisal and publication of a cycle's results. */
export async function cycleReviewRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cycles'];
  const reviewer = (req: Parameters<typeof actorOf>[0]) => ({
    ...actorOf(req),
    role: requireSession(req).user.role,
  });

  const review = async (
    actor: Actor & { role: ReturnType<typeof reviewer>['role'] },
    id: string,
    items: ReviewItem[],
  ) => {
    const ctx = await loadCycle(app.db, id);
    await reviewEntries(app.db, actor, ctx, items, app.clock());
    for (const unitId of new Set(items.map((i) => i.unitId))) {
      const requests = items.flatMap((i) =>
        i.unitId === unitId && i.action.action === 'request'
          ? [{ code: i.code, deadline: i.action.deadline }]
          : [],
      );
      await announceRequests(app.db, ctx, unitId, requests);
    }
  };

  r.get(
    '/api/cycles/:id/review-queue',
    {
      config: access(REVIEWERS),
      schema: {
        tags,
        summary: 'Danh sách chỉ số chờ thẩm định',
        params: ZIdParam,
        querystring: ZReviewQueueQuery,
        response: { 200: ZReviewQueuePage },
      },
    },
    async (req) =>
      reviewQueue(app.db, await loadCycle(app.db, req.params.id), requireSession(req).user, req.query),
  );

  r.post(
    '/api/cycles/:id/units/:unitId/entries/:code/review',
    {
      config: access(REVIEWERS),
      schema: {
        tags,
        summary: 'Thẩm định một chỉ số',
        params: ZEntryParams,
        body: ZReviewAction,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await review(reviewer(req), req.params.id, [
        { unitId: req.params.unitId, code: req.params.code, action: req.body },
      ]);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/cycles/:id/review/agree',
    {
      config: access(REVIEWERS),
      schema: {
        tags,
        summary: 'Thống nhất nhiều chỉ số',
        params: ZIdParam,
        body: ZBulkAgree,
        response: { 200: z.object({ agreed: z.number().int() }) },
      },
    },
    async (req) => {
      const items = req.body.items.map((i) => ({ ...i, action: { action: 'agree' as const } }));
      await review(reviewer(req), req.params.id, items);
      return { agreed: items.length };
    },
  );

  r.get(
    '/api/cycles/:id/council',
    {
      config: access(COUNCIL_READERS),
      schema: {
        tags,
        summary: 'Điểm tự đánh giá, thẩm định, đạt được theo đơn vị',
        params: ZIdParam,
        response: { 200: z.object({ items: z.array(ZCouncilRow) }) },
      },
    },
    async (req) => ({ items: await councilRows(app.db, await loadCycle(app.db, req.params.id)) }),
  );

  r.post(
    '/api/cycles/:id/council/confirm',
    {
      config: access(COUNCIL),
      schema: {
        tags,
        summary: 'Hội đồng phê duyệt kết quả đơn vị',
        params: ZIdParam,
        body: ZCouncilConfirm,
        response: { 200: z.object({ confirmed: z.number().int() }) },
      },
    },
    async (req) => ({
      confirmed: await confirmUnits(
        app.db,
        actorOf(req),
        await loadCycle(app.db, req.params.id),
        req.body.unitIds,
        app.clock(),
      ),
    }),
  );

  r.put(
    '/api/cycles/:id/units/:unitId/entries/:code/final',
    {
      config: access(COUNCIL),
      schema: {
        tags,
        summary: 'Hội đồng đặt điểm đạt được',
        params: ZEntryParams,
        body: ZFinalInput,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      const ctx = await loadCycle(app.db, req.params.id);
      await setFinalPoints(
        app.db,
        actorOf(req),
        ctx,
        req.params.unitId,
        req.params.code,
        req.body,
        app.clock(),
      );
      return { ok: true as const };
    },
  );

  r.post(
    '/api/cycles/:id/publish',
    {
      config: access(ORGANISERS),
      schema: {
        tags,
        summary: 'Công bố (hoặc đính chính) kết quả',
        params: ZIdParam,
        body: ZPublishInput,
        response: { 200: ZSnapshotInfo },
      },
    },
    async (req) => {
      const ctx = await loadCycle(app.db, req.params.id);
      const info = await publishCycle(app.db, actorOf(req), ctx, req.body.reason, app.clock());
      await announcePublished(app.db, ctx, info.version);
      // Committed: the new version's dashboards and public pages are prepared in the background.
      void warmAfterPublish(app, ctx.id, info.version);
      return info;
    },
  );

  r.get(
    '/api/cycles/:id/snapshots',
    {
      config: access(CYCLE_READERS),
      schema: {
        tags,
        summary: 'Các phiên bản kết quả đã công bố',
        params: ZIdParam,
        response: { 200: z.object({ items: z.array(ZSnapshotInfo) }) },
      },
    },
    async (req) => {
      await loadCycle(app.db, req.params.id);
      return { items: await listSnapshots(app.db, req.params.id) };
    },
  );

  r.get(
    '/api/cycles/:id/snapshots/:version',
    {
      config: access(CYCLE_READERS),
      schema: {
        tags,
        summary: 'Kết quả đã công bố (một phiên bản)',
        params: ZIdParam.extend({ version: z.coerce.number().int().min(1) }),
        response: { 200: ZSnapshot },
      },
    },
    (req) => getSnapshot(app.db, req.params.id, req.params.version),
  );
}
