import { z } from 'zod';

export const ZHealth = z.object({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
export type THealth = z.infer<typeof ZHealth>;

export const ZAppInfo = z.object({
  version: z.string(),
  db: z.enum(['pglite', 'postgres']),
  demo: z.object({ loaded: z.boolean(), label: z.string().nullable(), loadedAt: z.string().nullable() }),
});
export type TAppInfo = z.infer<typeof ZAppInfo>;
