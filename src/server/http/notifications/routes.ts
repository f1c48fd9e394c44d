import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZOk } from '../../../contracts/common';
import { ZNotificationList } from '../../../contracts/cycles';
import { listNotices, markAllRead, markRead, unreadCount } from '../../notifications/inbox';
import { requireSession } from '../access';

// Every signed-in user has an inbox; each reads and marks only their own notices.
const access = { roles: 'authenticated', unitScope: 'none' } as const;
const ZNoticeParam = z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

export async function notificationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  r.get(
    '/api/notifications',
    {
      config: { access },
      schema: { tags, summary: 'Thông báo của tôi', response: { 200: ZNotificationList } },
    },
    async (req) => {
      const userId = requireSession(req).user.id;
      const [items, unread] = await Promise.all([listNotices(app.db, userId), unreadCount(app.db, userId)]);
      return { items, unread };
    },
  );
  r.post(
    '/api/notifications/:id/read',
    {
      config: { access },
      schema: { tags, summary: 'Đánh dấu đã đọc', params: ZNoticeParam, response: { 200: ZOk } },
    },
    async (req) => {
      await markRead(app.db, requireSession(req).user.id, req.params.id, app.clock());
      return { ok: true as const };
    },
  );
  r.post(
    '/api/notifications/read-all',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Đánh dấu tất cả đã đọc',
        response: { 200: z.object({ read: z.number().int() }) },
      },
    },
    async (req) => ({ read: await markAllRead(app.db, requireSession(req).user.id, app.clock()) }),
  );
}
