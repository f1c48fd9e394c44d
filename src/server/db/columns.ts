import { customType, timestamp } from 'drizzle-orm/pg-core';

/** A `timestamptz` column read as a Date: every instant is stored with its time zone. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A `bytea` column read as a Buffer (PGlite hands back a Uint8Array, pg a Buffer). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});
