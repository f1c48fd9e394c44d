import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Lru } from '../../results/lru';
import { publishedHeads, publishedYear } from '../../results/public-page/published-year';
import { TOTAL_TAB, tabsOf } from '../../results/public-page/rankings';
import { renderIndexPage, renderNotFound } from './index-page';
import { findUnit, renderUnitPage } from './unit-page';
import { renderYearPage } from './year-page';

/** Rendered pages, keyed by the published versions they show: a correction is a new key. */
const pages = new Lru<string>(512, 64 * 1024 * 1024, (s) => s.length);

/** Forgets the rendered pages (benchmarks measure a cold start with it). */
export function clearPublicPages(): void {
  pages.clear();
}

function send(reply: FastifyReply, status: number, body: string) {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', status === 200 ? 'public, max-age=60' : 'no-cache')
    .send(body);
}

function cachedPage(key: string, render: () => string): string {
  let hit = pages.get(key);
  if (hit === undefined) {
    hit = render();
    pages.set(key, hit);
  }
  return hit;
}

const YEAR = /^\d{4}$/;

/**
 * The public results pages, without login: the published years, a year's rankings (per level: the DTI,
 * each pillar, the detailed main-index table) and a unit's figures. Server-rendered HTML with no script,
 * built only from published versions (never a preview), each page rendered once per version.
 */
export async function publicPageRoutes(app: FastifyInstance) {
  const baseOf = (req: FastifyRequest) =>
    app.env.PUBLIC_URL?.replace(/\/+$/, '') ?? `${req.protocol}://${req.host}`;
  const notFound = (req: FastifyRequest, reply: FastifyReply, message: string) =>
    send(reply, 404, renderNotFound(message, baseOf(req), req.url.split('?')[0] ?? ''));

  app.get('/cong-khai/dti', async (req, reply) => {
    const heads = await publishedHeads(app.db);
    const base = baseOf(req);
    const key = `index|${base}|${heads.map((h) => h.snapshotId).join(',')}`;
    return send(
      reply,
      200,
      cachedPage(key, () => renderIndexPage(heads, base)),
    );
  });

  app.get<{ Params: { year: string }; Querystring: { cap?: string; theo?: string } }>(
    '/cong-khai/dti/:year',
    async (req, reply) => {
      const { year } = req.params;
      const y = YEAR.test(year) ? await publishedYear(app.db, Number(year)) : null;
      if (!y) return notFound(req, reply, `Chưa có kết quả đánh giá chuyển đổi số năm ${year} được công bố.`);
      const pl = req.query.cap ? y.levels.find((l) => l.level === req.query.cap) : y.levels[0];
      if (!pl) return notFound(req, reply, `Kết quả năm ${year} không có cấp đánh giá này.`);
      const tab = req.query.theo ?? TOTAL_TAB;
      if (!tabsOf(pl.framework).some((t) => t.key === tab))
        return notFound(req, reply, `Kết quả năm ${year} không có bảng xếp hạng này.`);
      const base = baseOf(req);
      const key = `year|${base}|${y.key}|${pl.level}|${tab}`;
      return send(
        reply,
        200,
        cachedPage(key, () => renderYearPage(y, pl, tab, base)),
      );
    },
  );

  app.get<{ Params: { year: string; unitCode: string } }>(
    '/cong-khai/dti/:year/:unitCode',
    async (req, reply) => {
      const { year, unitCode } = req.params;
      const y = YEAR.test(year) ? await publishedYear(app.db, Number(year)) : null;
      if (!y) return notFound(req, reply, `Chưa có kết quả đánh giá chuyển đổi số năm ${year} được công bố.`);
      const hit = findUnit(y, unitCode);
      if (!hit)
        return notFound(req, reply, `Không có kết quả đã công bố năm ${year} của đơn vị mã ${unitCode}.`);
      const base = baseOf(req);
      const key = `unit|${base}|${y.key}|${unitCode}`;
      return send(
        reply,
        200,
        cachedPage(key, () => renderUnitPage(y, hit.pl, hit.unit, base)),
      );
    },
  );
}
