import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts } from './columns';

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    level: text('level', { enum: ['so', 'huyen', 'xa'] }).notNull(),
    kind: text('kind').notNull(),
    groupNo: smallint('group_no'),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    note: text('note'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_code_key').on(t.code),
    index('units_level_idx').on(t.level, t.groupNo),
    index('units_parent_idx').on(t.parentId),
    check('units_level_check', sql`${t.level} in ('so', 'huyen', 'xa')`),
    check('units_group_check', sql`(${t.level} = 'so') = (${t.groupNo} is not null)`),
    check('units_validity_check', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

export const unitLinks = pgTable(
  'unit_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    predecessorId: uuid('predecessor_id')
      .notNull()
      .references(() => units.id),
    successorId: uuid('successor_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind', { enum: ['merge', 'split', 'rename'] }).notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('unit_links_pair_key').on(t.predecessorId, t.successorId),
    index('unit_links_successor_idx').on(t.successorId),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    fullName: text('full_name').notNull(),
    email: text('email'),
    role: text('role').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: ts('locked_until'),
    disabled: boolean('disabled').notNull().default(false),
    lastLoginAt: ts('last_login_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_key').on(t.username)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a database leak does not leak live sessions. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_entity_idx').on(t.entity, t.entityId)],
);

/**
 * Login attempts per key (address and account) in the current window, shared by every instance so that
 * N instances behind a proxy do not allow N times the attempts.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    windowStart: ts('window_start').notNull(),
    hits: integer('hits').notNull(),
  },
  (t) => [index('rate_limits_window_idx').on(t.windowStart)],
);

export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export * from './schema-contest-results';
export * from './schema-cycle';
export * from './schema-exam';
export * from './schema-framework';
export * from './schema-office';
export * from './schema-results';
export * from './schema-scoring';
