import type { FastifyRequest } from 'fastify';
import type { Db } from './db/client';
import { auditLog } from './db/schema';

export interface AuditEvent {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface Actor {
  id: string | null;
  username: string | null;
  ip: string | null;
}

/** The actor of a request (the signed-in user, or anonymous). */
export function actorOf(req: FastifyRequest): Actor {
  const user = req.session?.user;
  return { id: user?.id ?? null, username: user?.username ?? null, ip: req.ip };
}

function jsonSafe(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (key, v) => (key === 'passwordHash' ? undefined : v)));
}

const auditRow = (actor: Actor, event: AuditEvent) => ({
  actorId: actor.id,
  actorUsername: actor.username,
  action: event.action,
  entity: event.entity,
  entityId: event.entityId ?? null,
  before: jsonSafe(event.before),
  after: jsonSafe(event.after),
  ip: actor.ip,
});

/** Appends to the audit log; call inside the transaction of the change it describes. */
export async function recordAudit(db: Db, actor: Actor, event: AuditEvent): Promise<void> {
  await db.insert(auditLog).values(auditRow(actor, event));
}

/** Rows per statement: 8 parameters each, well under PostgreSQL's 65,535. */
const AUDIT_BATCH = 1000;

/** Appends many events of one actor, in order, a thousand rows per statement. */
export async function recordAudits(db: Db, actor: Actor, events: AuditEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += AUDIT_BATCH) {
    await db.insert(auditLog).values(events.slice(i, i + AUDIT_BATCH).map((e) => auditRow(actor, e)));
  }
}
