import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { staffRole } from './enums.ts';
import { stores } from './stores.ts';

export const staff = pgTable(
  'staff',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stored lower-case. */
    email: text().notNull().unique(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    isActive: boolean().notNull().default(true),
    failedLogins: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('staff_email_lower', sql`${t.email} = lower(${t.email})`)],
);

/** An owner may run several stores; a role is per store. */
export const staffMemberships = pgTable(
  'staff_memberships',
  {
    staffId: uuid()
      .notNull()
      .references(() => staff.id),
    storeId: uuid()
      .notNull()
      .references(() => stores.id),
    role: staffRole().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.storeId] }), index().on(t.storeId)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    staffId: uuid()
      .notNull()
      .references(() => staff.id),
    /** The store this session acts on. */
    storeId: uuid()
      .notNull()
      .references(() => stores.id),
    /** SHA-256 of the bearer token; the token itself is never stored. */
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.staffId)],
);

export type Staff = typeof staff.$inferSelect;
export type StaffMembership = typeof staffMemberships.$inferSelect;
export type Session = typeof sessions.$inferSelect;
