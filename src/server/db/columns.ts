import { timestamp } from 'drizzle-orm/pg-core';

/** A `timestamptz` column read as a Date: every instant is stored with its time zone. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
