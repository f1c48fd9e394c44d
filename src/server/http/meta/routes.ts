import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZAppInfo, ZHealth } from '../../../contracts/meta';
import { type DemoInfo, getMeta } from '../../meta';
import { APP_VERSION } from '../../version';

export async function metaRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/health',
    {
      config: { access: { roles: 'public', unitScope: 'none' } },
      schema: { tags: ['meta'], summary: 'Tình trạng hệ thống', response: { 200: ZHealth } },
    },
    async () => {
      await app.db.execute(sql`select 1`);
      return { status: 'ok' as const, db: app.dbKind, version: APP_VERSION };
    },
  );

  r.get(
    '/api/meta',
    {
      config: { access: { roles: 'public', unitScope: 'none' } },
      schema: { tags: ['meta'], summary: 'Thông tin phiên bản và dữ liệu mẫu', response: { 200: ZAppInfo } },
    },
    async () => {
      const demo = await getMeta<DemoInfo>(app.db, 'demo_data');
      return {
        version: APP_VERSION,
        db: app.dbKind,
        demo: { loaded: demo !== null, label: demo?.label ?? null, loadedAt: demo?.loadedAt ?? null },
      };
    },
  );
}
