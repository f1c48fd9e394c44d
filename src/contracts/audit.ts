import { z } from 'zod';
import { ZIsoDate, ZPage, ZPageQuery } from './common';

export const ZAuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditQuery = ZPageQuery.extend({
  actor: z.string().trim().max(64).optional(),
  entity: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;
export const ZAuditPage = ZPage(ZAuditEntry);
