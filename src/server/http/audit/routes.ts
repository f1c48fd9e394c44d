import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZAuditPage, ZAuditQuery } from '../../../contracts/audit';
import { auditLog } from '../../db/schema';

/** Midnight in Asia/Ho_Chi_Minh of a calendar day, as an instant. */
function vnMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

export async function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/audit',
    {
      config: { access: { roles: ['admin'], unitScope: 'none' } },
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký hệ thống',
        querystring: ZAuditQuery,
        response: { 200: ZAuditPage },
      },
    },
    async (req) => {
      const q = req.query;
      const conds: SQL[] = [];
      if (q.actor) conds.push(eq(auditLog.actorUsername, q.actor.toLowerCase()));
      if (q.entity) conds.push(eq(auditLog.entity, q.entity));
      if (q.entityId) conds.push(eq(auditLog.entityId, q.entityId));
      if (q.action) conds.push(eq(auditLog.action, q.action));
      if (q.from) conds.push(gte(auditLog.at, vnMidnight(q.from)));
      // `to` is inclusive: everything before the next day's midnight.
      if (q.to) conds.push(lt(auditLog.at, new Date(vnMidnight(q.to).getTime() + 86_400_000)));
      const where = and(...conds);
      const [rows, count] = await Promise.all([
        app.db
          .select()
          .from(auditLog)
          .where(where)
          .orderBy(desc(auditLog.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        app.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
      ]);
      return {
        items: rows.map((row) => ({ ...row, at: row.at.toISOString() })),
        total: Number(count[0]?.n ?? 0),
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );
}
